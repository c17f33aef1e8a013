import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';

// Debian's Chromium; without the background-networking flags its own connections are refused here.
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

// Workspace packages resolve to their sources (the "rill-source" export condition), so tests
// never need a build first and never see a stale dist.
const resolve = { conditions: ['rill-source', ...defaultClientConditions] };
const ssr = {
  resolve: { conditions: ['rill-source', ...defaultServerConditions], externalConditions: ['rill-source'] },
};

const nodeProject = (name: string) => ({
  resolve,
  ssr,
  test: {
    name,
    root: `packages/${name}`,
    environment: 'node' as const,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
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

// A project's tests again on React 18 (the peer range is ^18.3 || ^19): Vite's aliases send our
// code's react imports to the 18.3 copies, the setup file does the same for what Node requires itself.
const react18Dir = fileURLToPath(new URL('packages/react/node_modules/', import.meta.url));
const onReact18 = (project: ReturnType<typeof domProject>, name: string, include = project.test.include) => ({
  ...project,
  resolve: {
    ...resolve,
    alias: [
      { find: /^react$/, replacement: `${react18Dir}react-18/index.js` },
      { find: /^react\/(.*)$/, replacement: `${react18Dir}react-18/$1.js` },
      { find: /^react-dom$/, replacement: `${react18Dir}react-dom-18/index.js` },
      { find: /^react-dom\/(.*)$/, replacement: `${react18Dir}react-dom-18/$1.js` },
    ],
  },
  test: {
    ...project.test,
    name,
    include,
    env: { RILL_REACT_MAJOR: '18' },
    setupFiles: [fileURLToPath(new URL('packages/react/test/react-18-setup.ts', import.meta.url))],
    // An ES module dependency that imports react must go through the aliases too.
    server: { deps: { inline: ['@tanstack/react-query'] } },
  },
});

export default defineConfig({
  test: {
    projects: [
      'apps/widget/vite.config.ts',
      'apps/demo/vitest.config.ts',
      nodeProject('core'),
      nodeProject('json'),
      nodeProject('mock'),
      {
        ...nodeProject('relay'),
        test: { ...nodeProject('relay').test, globalSetup: ['test/support/redis-server.ts'] },
      },
      domProject('react'),
      onReact18(domProject('react'), 'react-18'),
      domProject('ui'),
      // The security and robustness tests (Markdown and its code highlighting; source, citation and image addresses) on React 18.3, which (unlike 19) does not block javascript: URLs.
      onReact18(domProject('ui'), 'ui-react-18', [
        'src/markdown/{security,xss-corpus,nesting,plain-text-fallback,highlight}.test.tsx',
        'src/{sources,cited-text,files}/*.test.tsx',
      ]),
      // Every README's code examples, type-checked and run against the mock (scripts/readme-examples).
      {
        plugins: [react()],
        resolve,
        ssr,
        test: {
          name: 'docs',
          root: 'scripts/readme-examples',
          environment: 'jsdom' as const,
          include: ['*.test.ts'],
          testTimeout: 20_000,
          server: { deps: { inline: [/rill-readme-examples-/] } },
        },
      },
      {
        // Every story runs as a test in Chromium, with the a11y addon failing on violations.
        plugins: [storybookTest({ configDir: '.storybook' })],
        resolve,
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
    passWithNoTests: true,
  },
});
