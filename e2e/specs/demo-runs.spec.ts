import { expect, test, type Page } from '@playwright/test';
import { DEMO_URL } from '../playwright.config.js';
import { chatSettles, lastAnswer, openDemo, send } from '../support/demo-page.js';

// Runs that outlive the page: the relay keeps writing the answer into its log whatever the browser does.
const LONG = 'Write a long answer about streaming';

/**
 * Tags this page's generations with a key of their own, so the mock counts them apart from other
 * tests', and slows them down (Gemini sends four tokens a chunk), so a reload or a second tab
 * surely comes mid-answer.
 */
async function tagGenerations(page: Page): Promise<{ key: string; posts(): number }> {
  const key = `e2e-${test.info().testId}-${test.info().retry}`;
  let posts = 0;
  // Any provider's streaming POST (a resume is a GET, a stop goes to the run's own URL).
  await page.route('**/api/*/v1*/**', (route) => {
    posts += 1;
    return route.continue({
      headers: { ...route.request().headers(), 'x-rill-mock-key': key, 'x-rill-mock-timing': 'ttft=250;delay=60' },
    });
  });
  return { key, posts: () => posts };
}

/** What the mock's Node server counted for the generations of `key`. */
async function upstream(page: Page, key: string): Promise<Record<string, number>> {
  return (await page.request.get(`${DEMO_URL}/api/mock/stats?key=${encodeURIComponent(key)}`)).json();
}

/** The final text of an unbroken answer to the long prompt, then a fresh conversation. */
async function cleanAnswer(page: Page): Promise<string> {
  await send(page, LONG);
  await chatSettles(page);
  const text = (await lastAnswer(page).textContent()) ?? '';
  await page.getByRole('button', { name: 'Clear' }).click();
  return text;
}

async function sendAndWaitMidAnswer(page: Page): Promise<void> {
  await send(page, LONG);
  await expect(lastAnswer(page)).toContainText('The SSE decoder');
  await expect(lastAnswer(page)).not.toContainText('with no word shown twice.');
}

test.beforeEach(async ({ page }) => openDemo(page, 'chat'));

test('a reload mid-answer re-attaches to the run: the answer continues to the same final text, from the one generation', async ({
  page,
}) => {
  // On Gemini: the reloaded page must come back on the provider whose wire format the run speaks.
  const provider = page.getByRole('combobox', { name: 'Provider' });
  await provider.selectOption({ label: 'Gemini' });
  const clean = await cleanAnswer(page);
  const tagged = await tagGenerations(page);
  await sendAndWaitMidAnswer(page);
  // Switching now would hand the run to another wire format.
  await expect(provider).toBeDisabled();
  await page.reload();
  await expect(provider).toHaveValue('gemini');
  // What was written before the reload shows at once, then the rest arrives.
  await expect(lastAnswer(page)).toContainText('Why streaming feels fast');
  await expect(page.getByTestId('chat-status')).toHaveText('streaming');
  await chatSettles(page);
  await expect(lastAnswer(page)).toHaveText(clean);
  await expect(page.getByRole('article', { name: 'Your message' })).toHaveText([LONG]);
  // A reload is a drop, not a stop: the mock wrote the whole answer once, and no POST was sent again.
  expect(tagged.posts()).toBe(1);
  await expect.poll(() => upstream(page, tagged.key)).toEqual({ started: 1, completed: 1, cancelled: 0, dropped: 0 });
});

test('Stop ends the generation upstream: the mock counts it cancelled', async ({ page }) => {
  const tagged = await tagGenerations(page);
  await sendAndWaitMidAnswer(page);
  await page.getByRole('button', { name: 'Stop' }).click();
  await chatSettles(page, 'aborted');
  await expect(lastAnswer(page).getByText('Stopped.')).toBeVisible();
  await expect(lastAnswer(page)).toContainText('The SSE decoder');
  await expect.poll(() => upstream(page, tagged.key)).toEqual({ started: 1, completed: 0, cancelled: 1, dropped: 0 });
});

test('a second tab opened mid-answer follows the same run to the same final text', async ({ page, context }) => {
  const clean = await cleanAnswer(page);
  const tagged = await tagGenerations(page);
  await sendAndWaitMidAnswer(page);
  const second = await context.newPage();
  await openDemo(second, 'chat');
  await expect(second.getByRole('article', { name: 'Your message' })).toHaveText([LONG]);
  await expect(lastAnswer(second)).toHaveAttribute('aria-busy', 'true');
  await Promise.all([chatSettles(page), chatSettles(second)]);
  await expect(lastAnswer(page)).toHaveText(clean);
  await expect(lastAnswer(second)).toHaveText(clean);
  // The second tab followed the relay's log: still one generation upstream.
  await expect.poll(() => upstream(page, tagged.key)).toEqual({ started: 1, completed: 1, cancelled: 0, dropped: 0 });
});
