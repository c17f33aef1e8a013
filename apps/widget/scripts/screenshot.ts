// `pnpm --filter @rill/widget run screenshot` (after a build): docs/widget.png for the README, the
// widget open on its plain host page after one streamed answer.
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../../vite.config.js';
import { startWidgetServer } from './widget-server.js';

const out = fileURLToPath(new URL('../../../docs/widget.png', import.meta.url));
const server = await startWidgetServer(0);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: 'Open Acme help' }).click();
  await page.getByRole('textbox', { name: 'Message' }).fill('Where is my order #1042?');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await page.getByRole('article', { name: 'Assistant message' }).and(page.locator('[aria-busy=false]')).waitFor();
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
