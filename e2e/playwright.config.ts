import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../vite.config.js';
import { widgetWebServer } from './widget.config.js';

export const DEMO_URL = 'http://127.0.0.1:4310';
export const STORYBOOK_URL = 'http://127.0.0.1:4330';

// The README screenshots rewrite files in docs/: taken on request (`pnpm --filter @rill/e2e run screenshots`), not on every run.
const readme = process.env['RILL_README_SCREENSHOTS'] === '1';

export default defineConfig({
  testDir: '.',
  fullyParallel: true,
  // Two cores are shared by everyone: two browsers at a time.
  workers: 2,
  forbidOnly: process.env['CI'] !== undefined,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
    reducedMotion: 'no-preference',
  },
  projects: [
    { name: 'demo', testMatch: /specs\/demo-.*\.spec\.ts/, use: { baseURL: DEMO_URL } },
    { name: 'storybook', testMatch: /specs\/storybook\.spec\.ts/, use: { baseURL: STORYBOOK_URL } },
    // The widget's spec carries its own origin (widget.config.ts).
    { name: 'widget', testMatch: /widget\.spec\.ts/ },
    ...(readme
      ? [
          {
            name: 'readme',
            testMatch: /specs\/readme-screenshots\.ts/,
            use: { baseURL: DEMO_URL, viewport: { width: 1280, height: 800 } },
          },
        ]
      : []),
  ],
  webServer: [
    widgetWebServer,
    // As `npm run demo` serves it: the build, with @rill/relay in front of the mock's Node server on the same origin.
    {
      command: 'pnpm --filter @rill/demo run demo',
      url: DEMO_URL,
      reuseExistingServer: process.env['CI'] === undefined,
      timeout: 120_000,
    },
    {
      // Built by `pnpm run storybook:build` (part of `pnpm check`, before this suite); built here only when missing.
      command:
        '(test -f ../storybook-static/index.html || pnpm -w run storybook:build) && pnpm exec tsx scripts/serve-static.ts storybook-static 4330',
      url: STORYBOOK_URL,
      reuseExistingServer: process.env['CI'] === undefined,
      timeout: 120_000,
    },
  ],
});
