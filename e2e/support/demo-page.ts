import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** Every text a `role="status"` element showed since the page loaded, even for one frame. */
declare global {
  interface Window {
    __statusTexts: string[];
  }
}

/**
 * Opens a demo page with a recorder of status texts (a reconnect banner may show for a single
 * frame when the backoff's random wait is short, so polling the DOM could miss it), at `origin`
 * (default: the project's baseURL).
 */
export async function openDemo(
  page: Page,
  tab: 'chat' | 'structured' | 'race' | 'metrics' = 'chat',
  origin = '',
): Promise<void> {
  await page.addInitScript(() => {
    window.__statusTexts = [];
    const seen = () => {
      for (const el of document.querySelectorAll('[role="status"]')) {
        const text = el.textContent ?? '';
        if (text !== '' && !window.__statusTexts.includes(text)) window.__statusTexts.push(text);
      }
    };
    new MutationObserver(seen).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`${origin}/#${tab}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rill demo' })).toBeVisible();
}

/**
 * Opens the demo as a static build serves it: the page is told its backend is `msw` (the file a
 * static build ships), so the mock runs in its service worker instead of behind the relay.
 */
export async function openStaticDemo(
  page: Page,
  tab: 'chat' | 'structured' | 'race' | 'metrics' = 'chat',
): Promise<void> {
  await page.route('**/demo-backend.json', (route) => route.fulfill({ json: { backend: 'msw' } }));
  await openDemo(page, tab);
}

/** The status texts recorded so far. */
export function statusTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__statusTexts);
}

/** Types a message and presses Send. */
export async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

/** The newest assistant message. */
export function lastAnswer(page: Page): Locator {
  return page.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'Assistant message' }).last();
}

/** Waits until the chat is idle again with its final status. */
export async function chatSettles(
  page: Page,
  status: 'done' | 'aborted' | 'error' | 'interrupted' | 'awaiting-approval' = 'done',
): Promise<void> {
  await expect(page.getByTestId('chat-status')).toHaveText(status, { timeout: 15_000 });
}

/** Arms a fault in the fault panel for the next request. */
export async function armFault(page: Page, label: string): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
  await expect(page.getByText(`Armed: ${label}`)).toBeVisible();
}

/** Runs axe on the page and fails with the violations listed. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}
