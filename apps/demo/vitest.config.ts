import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// The demo's own logic (calculator, mock model, tool-result reader) is plain TypeScript: Node is enough.
// Workspace packages resolve to their sources, as in the app's build.
export default defineConfig({
  resolve: { conditions: ['rill-source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['rill-source', ...defaultServerConditions], externalConditions: ['rill-source'] } },
  test: {
    name: 'demo',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
