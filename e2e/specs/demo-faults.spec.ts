import { expect, test } from '@playwright/test';
import { armFault, chatSettles, lastAnswer, openDemo, send, statusTexts } from '../support/demo-page.js';

const LONG = 'Write a long answer about streaming';

test.beforeEach(async ({ page }) => openDemo(page, 'chat'));

test('a provider connection dropped behind the relay marks the answer interrupted, keeping its text, and Retry completes it', async ({
  page,
}) => {
  // The relay cannot resume a provider's stream (it has no ids); a drop between browser and relay resumes (demo-network.spec.ts).
  await armFault(page, 'Dropped connection');
  await send(page, LONG);
  await expect(page.getByText('Dropped connection → /api/anthropic/v1/messages')).toBeVisible();
  await chatSettles(page, 'interrupted');
  const note = page.getByRole('note').filter({ hasText: 'interrupted' });
  await expect(note).toBeVisible();
  await expect(lastAnswer(page)).toContainText('Why streaming feels fast');
  await note.getByRole('button', { name: 'Retry' }).click();
  await chatSettles(page);
  await expect(lastAnswer(page)).toContainText('with no word shown twice.');
});

test('a stall past the idle timeout reconnects and completes the answer', async ({ page }) => {
  await armFault(page, 'Stall');
  await send(page, LONG);
  await chatSettles(page);
  expect((await statusTexts(page)).some((t) => t.startsWith('Reconnecting…'))).toBe(true);
  await expect(lastAnswer(page)).toContainText('with no word shown twice.');
});

test('429 shows the server’s wait and then succeeds', async ({ page }) => {
  await armFault(page, '429 rate limit');
  await send(page, 'Hello after a rate limit');
  await expect(
    page.getByRole('status').filter({ hasText: /^Reconnecting… rate limited by the server, attempt 2 of 4/ }),
  ).toBeVisible();
  await chatSettles(page);
  await expect(page.getByRole('status').filter({ hasText: /^Reconnecting/ })).toHaveCount(0);
  await expect(lastAnswer(page)).toContainText('You asked: Hello after a rate limit.');
});

test('a 500 before the answer is retried and succeeds', async ({ page }) => {
  await armFault(page, '500 server error');
  await send(page, 'Hello after a server error');
  await chatSettles(page);
  expect((await statusTexts(page)).some((t) => t.startsWith('Reconnecting… attempt 2 of 4'))).toBe(true);
  await expect(lastAnswer(page)).toContainText('You asked: Hello after a server error.');
});

test('a malformed event ends in a typed error that keeps what arrived; the next message works', async ({ page }) => {
  await armFault(page, 'Malformed event');
  await send(page, LONG);
  await chatSettles(page, 'error');
  const broken = lastAnswer(page);
  await expect(broken.getByRole('alert')).toBeVisible();
  await expect(broken).toContainText('Why streaming');
  await send(page, 'Are you back?');
  await chatSettles(page);
  await expect(lastAnswer(page)).toContainText('You asked: Are you back?');
});

test('a stream without its terminator is marked interrupted, and Retry completes it', async ({ page }) => {
  await armFault(page, 'No terminator');
  await send(page, 'Hello without an end');
  await chatSettles(page, 'interrupted');
  const note = page.getByRole('note').filter({ hasText: 'interrupted' });
  await expect(note).toBeVisible();
  await expect(lastAnswer(page)).toContainText('You asked: Hello without an end.');
  await note.getByRole('button', { name: 'Retry' }).click();
  await chatSettles(page);
  await expect(page.getByRole('note').filter({ hasText: 'interrupted' })).toHaveCount(0);
});

test('proxy-style buffering completes the answer and the metrics flag it', async ({ page }) => {
  await armFault(page, 'Proxy buffering');
  await send(page, LONG);
  await chatSettles(page);
  await expect(lastAnswer(page)).toContainText('with no word shown twice.');
  await page.getByRole('link', { name: 'Metrics' }).click();
  await expect(page.getByRole('note').filter({ hasText: /^Buffering suspected \(Chat · anthropic\)/ })).toBeVisible();
});
