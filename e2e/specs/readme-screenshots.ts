import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { chatSettles, openDemo, send } from '../support/demo-page.js';

const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

// Run with `pnpm --filter @rill/e2e run screenshots`: rewrites docs/demo.png for the README.
test('README screenshot of the demo', async ({ page }) => {
  await openDemo(page, 'chat');
  await send(page, 'Think about leap years');
  await chatSettles(page);
  await send(page, 'Send an email to the team');
  await chatSettles(page, 'awaiting-approval');
  await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
  await page.screenshot({ path: docs('demo.png') });
});
