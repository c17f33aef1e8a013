import { expect, test as base, type Page } from '@playwright/test';
import { DEMO_URL } from '../playwright.config.js';
import { chatSettles, lastAnswer, openDemo, send, statusTexts } from '../support/demo-page.js';
import { linkFixture, type NetworkLink } from '../support/network-link.js';

// Real network faults between the browser and the relay, not the mock's scripted ones: the page
// reaches the demo through a link the test can cut, and goes offline while it reconnects.
const test = base.extend<{ link: NetworkLink }>({ link: linkFixture(DEMO_URL) });

const LONG = 'Write a long answer about streaming';
const ENDPOINT = '**/api/anthropic/v1/messages';
const RESUME = '**/api/anthropic/rill/runs/*';

test.beforeEach(async ({ page, link }) => openDemo(page, 'chat', link.url));

/** Counts the POSTs that start a generation (a resume is a GET to the run). */
function countGenerations(page: Page): { readonly count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/anthropic/v1/messages')) counter.count += 1;
  });
  return counter;
}

/** Sends the long prompt and waits until its answer is half written. */
async function sendAndWaitMidAnswer(page: Page): Promise<void> {
  await send(page, LONG);
  await expect(lastAnswer(page)).toContainText('The SSE decoder');
  await expect(lastAnswer(page)).not.toContainText('with no word shown twice.');
}

/** Cuts the connection mid-answer with the browser offline, until a reconnect has failed; then back online. */
async function cutWhileOffline(page: Page, link: NetworkLink): Promise<void> {
  await page.context().setOffline(true);
  link.cut();
  // The page's log of status texts, polled often: the banner of a wait can last only 250 ms, which toBeVisible's
  // widening intervals could miss until the last reconnect had failed too.
  await expect
    .poll(async () => (await statusTexts(page)).some((t) => t.startsWith('Reconnecting… attempt 3 of 4')), {
      intervals: [50],
    })
    .toBe(true);
  await page.context().setOffline(false);
}

test('a request reset by the network before the answer is retried: the banner, then the answer', async ({ page }) => {
  await page.route(ENDPOINT, (route) => route.abort('connectionreset'), { times: 1 });
  await send(page, 'Hello through a reset');
  await chatSettles(page);
  expect((await statusTexts(page)).some((t) => t.startsWith('Reconnecting… attempt 2 of 4'))).toBe(true);
  await expect(lastAnswer(page)).toContainText('You asked: Hello through a reset.');
});

test('cut mid-answer and offline: the banner, then the answer resumes to the same final text from the same generation', async ({
  page,
  link,
}) => {
  await send(page, LONG);
  await chatSettles(page);
  const clean = (await lastAnswer(page).textContent()) ?? '';
  await page.getByRole('button', { name: 'Clear' }).click();

  const generations = countGenerations(page);
  await sendAndWaitMidAnswer(page);
  await cutWhileOffline(page, link);
  await chatSettles(page);
  await expect(lastAnswer(page)).toHaveText(clean);
  // Resumed from the relay's log: the POST (a new, billed generation) was never sent again.
  expect(generations.count).toBe(1);
});

test('a resume reset by the network is tried again, and the answer completes', async ({ page, link }) => {
  await sendAndWaitMidAnswer(page);
  await page.route(RESUME, (route) => route.abort('connectionreset'), { times: 1 });
  link.cut();
  await chatSettles(page);
  expect((await statusTexts(page)).some((t) => t.startsWith('Reconnecting… attempt 3 of 4'))).toBe(true);
  await expect(lastAnswer(page)).toContainText('with no word shown twice.');
});

test('a resume the relay refuses (the run is gone) ends interrupted, keeping the text, and Retry completes it', async ({
  page,
  link,
}) => {
  await sendAndWaitMidAnswer(page);
  await page.route(RESUME, (route) =>
    route.fulfill({ status: 410, json: { error: { kind: 'interrupted', message: 'Run expired', retryable: false } } }),
  );
  link.cut();
  await chatSettles(page, 'interrupted');
  expect((await statusTexts(page)).some((t) => t.startsWith('Reconnecting…'))).toBe(true);
  const note = page.getByRole('note').filter({ hasText: 'interrupted' });
  await expect(note).toBeVisible();
  await expect(lastAnswer(page)).toContainText('The SSE decoder');
  await note.getByRole('button', { name: 'Retry' }).click();
  await chatSettles(page);
  await expect(lastAnswer(page)).toContainText('with no word shown twice.');
});
