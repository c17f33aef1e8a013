import { defineConfig } from 'vitest/config';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import react from '@vitejs/plugin-react';

// Workspace packages resolve to their sources (the "rill-source" export condition), so tests
// never need a build first and never see a stale dist.
const resolve = { conditions: ['rill-source', ...defaultClientConditions] };
const ssr = { resolve: { conditions: ['rill-source', ...defaultServerConditions], externalConditions: ['rill-source'] } };

const nodeProject = (name: string) => ({
  resolve,
  ssr,
  test: { name, root: `packages/${name}`, environment: 'node' as const, include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});

const domProject = (name: string) => ({
  plugins: [react()],
  resolve,
  ssr,
  test: {
    name,
    root: `packages/${name}`,
    environment: 'jsdom' as const,
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
  },
});

export default defineConfig({
  test: {
    projects: [nodeProject('core'), nodeProject('json'), nodeProject('mock'), domProject('react'), domProject('ui')],
    passWithNoTests: true,
  },
});
