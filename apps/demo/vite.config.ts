import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The demo bundles the workspace packages from their sources: no `pnpm build` needed first.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['rill-source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    rolldownOptions: {
      onwarn(warning, warn) {
        // web-tree-sitter's own dynamic-linking code uses eval (not ours; only reached for wasm side modules).
        if (warning.code === 'EVAL' && warning.id?.includes('web-tree-sitter') === true) return;
        warn(warning);
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4310, strictPort: true },
  server: { host: '127.0.0.1', port: 4311 },
});
