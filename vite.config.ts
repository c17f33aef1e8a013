import { defineConfig } from 'vitest/config';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';

// Debian's Chromium; without the background-networking flags its own connections are refused here.
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

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
    projects: [
      nodeProject('core'),
      nodeProject('json'),
      nodeProject('mock'),
      domProject('react'),
      domProject('ui'),
      {
        // Every story runs as a test in Chromium, with the a11y addon failing on violations.
        plugins: [storybookTest({ configDir: '.storybook' })],
        resolve,
        test: {
          name: 'storybook',
          browser: { enabled: true, headless: true, provider: playwright({ launchOptions: chromiumLaunchOptions }), instances: [{ browser: 'chromium' }] },
        },
      },
    ],
    passWithNoTests: true,
  },
});
