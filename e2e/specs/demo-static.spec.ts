import { expect, test } from '@playwright/test';
import { armFault, chatSettles, lastAnswer, openStaticDemo, send, statusTexts } from '../support/demo-page.js';

// A static build (no server): the mock in the page's service worker, which resumes statelessly.
test.beforeEach(async ({ page }) => openStaticDemo(page, 'chat'));

test('a static build serves itself from a service worker, and a dropped connection resumes with no duplicated or missing text', async ({
  page,
}) => {
  await expect(page.getByText('Every answer comes from @rill/mock in a service worker')).toBeVisible();
  const LONG = 'Write a long answer about streaming';
  await send(page, LONG);
  await chatSettles(page);
  const clean = await lastAnswer(page).textContent();

  await armFault(page, 'Dropped connection');
  await expect(page.getByText('reconnect banner, then the answer resumes from the last event id')).toBeVisible();
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByText('Dropped connection → /api/anthropic/v1/messages')).toBeVisible();
  await chatSettles(page);
  expect((await statusTexts(page)).some((t) => t.startsWith('Reconnecting… attempt 2 of 4'))).toBe(true);
  await expect(lastAnswer(page)).toHaveText(clean ?? '');
});
