import { expect, test } from '@playwright/test';
import { chatSettles, expectNoA11yViolations, openDemo, send } from '../support/demo-page.js';

test('chat: no axe violations with text, reasoning, a tool call waiting for approval and the fault panel', async ({
  page,
}) => {
  await openDemo(page, 'chat');
  await expectNoA11yViolations(page);
  await send(page, 'Think about leap years');
  await chatSettles(page);
  await send(page, 'Send an email to the team');
  await chatSettles(page, 'awaiting-approval');
  await expectNoA11yViolations(page);
});

test('structured: no axe violations on the filled form', async ({ page }) => {
  await openDemo(page, 'structured');
  await page.getByRole('button', { name: 'Fill the form' }).click();
  await expect(page.getByTestId('structured-status')).toHaveText('complete', { timeout: 15_000 });
  await expectNoA11yViolations(page);
});

test('race: no axe violations after a fallback', async ({ page }) => {
  await openDemo(page, 'race');
  await page.getByRole('button', { name: 'Start race' }).click();
  await expect(page.getByTestId('race-winner')).toHaveText('fallback');
  await expectNoA11yViolations(page);
});

test('metrics: the last streams are charted and tabled, with no axe violations', async ({ page }) => {
  await openDemo(page, 'chat');
  await send(page, 'Hello metrics');
  await chatSettles(page);
  await page.getByRole('link', { name: 'Metrics' }).click();
  await expect(
    page.getByRole('img', { name: /^Time to first token and tokens per second for the last 1 streams/ }),
  ).toBeVisible();
  const row = page.getByRole('row', { name: /^Chat · anthropic/ });
  await expect(row.getByRole('cell').nth(1)).toHaveText(/^\d+ ms$/);
  await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d+\.\d$/);
  await expectNoA11yViolations(page);
});
