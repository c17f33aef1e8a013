import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// A production build (what users run), with React's profiling build so <Profiler> counts commits.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    conditions: ['rill-source', ...defaultClientConditions],
    alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }],
    dedupe: ['react', 'react-dom'],
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2048 },
  logLevel: 'warn',
});
