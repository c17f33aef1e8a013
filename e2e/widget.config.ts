// The widget's part of the e2e suite: its server (built widget + host pages + mock provider on one
// origin). playwright.config.ts can spread `widgetWebServer` into its webServer list; this file
// also runs the widget spec alone: `pnpm exec playwright test -c e2e/widget.config.ts`.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../vite.config.js';

export const WIDGET_ORIGIN = 'http://127.0.0.1:4320';

export const widgetWebServer = {
  command: 'pnpm --filter @rill/widget run demo',
  url: `${WIDGET_ORIGIN}/hostile.html`,
  reuseExistingServer: !process.env.CI,
  timeout: 120_000,
};

export default defineConfig({
  testDir: '.',
  testMatch: 'widget.spec.ts',
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions, trace: 'retain-on-failure' },
  webServer: [widgetWebServer],
});
