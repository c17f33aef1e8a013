import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { linkFixture, type NetworkLink } from './support/network-link.js';

// The widget's server (see widget.config.ts): built rill-widget.js, its host pages, the mock provider under /api.
const ORIGIN = 'http://127.0.0.1:4320';

async function openChat(page: Page, title: string) {
  await page.getByRole('button', { name: `Open ${title}` }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function ask(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
}

test.describe('widget on a page with hostile CSS', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`${ORIGIN}/hostile.html`);
  });

  test('opens, streams an answer progressively and keeps its own layout', async ({ page }) => {
    const dialog = await openChat(page, 'Support');
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
    // `html { font-size: 4px }` and `* { all: unset }` on the page must not shrink or restyle the panel.
    const box = await dialog.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(300);
    expect(await dialog.evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');

    await ask(page, 'Hello widget');
    const log = page.getByRole('log', { name: 'Support conversation' });
    await expect(log).toContainText('Hello widget');
    const answer = log.getByRole('article', { name: 'Assistant message' });
    // A partial answer shows while it streams (Stop is offered), then the whole answer.
    await expect(answer).toHaveAttribute('aria-busy', 'true');
    await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
    await expect(answer).toContainText('You said:');
    await expect(answer).toContainText(
      'You said: “Hello widget”. This answer comes from Rill’s mock provider, a few words at a time.',
    );
    await expect(answer).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  });

  test('does not leak styles into the page', async ({ page }) => {
    await openChat(page, 'Support');
    expect(await page.evaluate(() => document.querySelectorAll('style, link[rel=stylesheet]').length)).toBe(1);
    expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Comic Sans MS');
  });

  test('is keyboard usable: Tab reaches the launcher, Escape closes and returns focus', async ({ page }) => {
    const launcher = page.getByRole('button', { name: 'Open Support' });
    await page.keyboard.press('Tab');
    await expect(launcher).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(launcher).toBeFocused();
    await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  });

  test('Stop keeps the partial answer', async ({ page }) => {
    // A long answer, so there is time to stop it.
    await page.route('**/api/**', (route) =>
      route.continue({ headers: { ...route.request().headers(), 'x-rill-mock-scenario': 'long-text' } }),
    );
    await openChat(page, 'Support');
    await ask(page, 'Tell me everything');
    const answer = page.getByRole('article', { name: 'Assistant message' });
    await expect(answer).not.toBeEmpty();
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(answer).toContainText('Stopped.');
    expect((await answer.innerText()).length).toBeGreaterThan('Stopped.'.length);
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  });

  test('keeps the conversation for the tab session: a reload restores it, a new tab starts fresh', async ({
    page,
    context,
  }) => {
    await openChat(page, 'Support');
    await ask(page, 'Remember me');
    await expect(page.getByRole('article', { name: 'Assistant message' })).toHaveAttribute('aria-busy', 'false');
    await page.reload();
    await openChat(page, 'Support');
    await expect(page.getByRole('log')).toContainText('Remember me');
    await expect(page.getByRole('article', { name: 'Assistant message' })).toContainText('You said: “Remember me”.');

    const other = await context.newPage();
    await other.goto(`${ORIGIN}/hostile.html`);
    await openChat(other, 'Support');
    await expect(other.getByRole('log')).not.toContainText('Remember me');
  });

  test('axe finds no violations in the widget', async ({ page }) => {
    await openChat(page, 'Support');
    await ask(page, 'Check me');
    await expect(page.getByRole('article', { name: 'Assistant message' })).toHaveAttribute('aria-busy', 'false');
    // The page itself is deliberately broken; the widget is what is checked.
    const { violations } = await new AxeBuilder({ page }).include('rill-widget').analyze();
    expect(violations).toEqual([]);
  });
});

test('axe finds no violations on a plain page with the widget open', async ({ page }) => {
  await page.goto(ORIGIN);
  const dialog = await openChat(page, 'Acme help');
  await expect(dialog).toContainText('Ask me anything about your order.');
  await ask(page, 'Where is my order?');
  await expect(page.getByRole('article', { name: 'Assistant message' })).toHaveAttribute('aria-busy', 'false');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations).toEqual([]);
});

test.describe('theme', () => {
  const DARK = { background: 'rgb(22, 22, 26)', colorScheme: 'dark' };
  const LIGHT = { background: 'rgb(255, 255, 255)', colorScheme: 'light' };
  // color-scheme too: the build lowers light-dark() for the palette, but scrollbars and form controls follow it.
  const look = (panel: Locator) =>
    panel.evaluate((el) => ({
      background: getComputedStyle(el).backgroundColor,
      colorScheme: getComputedStyle(el).colorScheme,
    }));

  // A second widget, open, with the given theme.
  async function themedPanel(page: Page, theme: 'light' | 'dark') {
    await page.evaluate((theme) => {
      const global = window as unknown as { RillWidget: { mount(el: HTMLElement, options: object): unknown } };
      global.RillWidget.mount(document.body.appendChild(document.createElement('div')), {
        endpoint: '/api/v1/messages',
        provider: 'anthropic',
        title: 'Themed',
        storageKey: 'themed',
        open: true,
        theme,
      });
    }, theme);
    return page.getByRole('dialog', { name: 'Themed' });
  }

  test('data-theme="dark" gives a dark panel on a light system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(ORIGIN);
    expect(await look(await themedPanel(page, 'dark'))).toEqual(DARK);
  });

  test('without a theme the panel follows the system; data-theme="light" overrides a dark system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(ORIGIN);
    expect(await look(await openChat(page, 'Acme help'))).toEqual({ ...DARK, colorScheme: 'light dark' });
    expect(await look(await themedPanel(page, 'light'))).toEqual(LIGHT);
  });
});

test('focus on Stop moves to the message box when the answer ends, and Escape still closes', async ({ page }) => {
  // A slower answer, so there is time to Tab to Stop before it ends.
  await page.route('**/api/**', (route) =>
    route.continue({ headers: { ...route.request().headers(), 'x-rill-mock-timing': 'ttft=300;delay=40' } }),
  );
  await page.goto(ORIGIN);
  await openChat(page, 'Acme help');
  await ask(page, 'Focus test');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('RillWidget.mount rejects a bad provider with a message naming the setting', async ({ page }) => {
  await page.goto(ORIGIN);
  const message = await page.evaluate(() => {
    const global = window as unknown as { RillWidget: { mount(el: HTMLElement, options: object): unknown } };
    try {
      global.RillWidget.mount(document.createElement('div'), { endpoint: '/api/v1/messages', provider: 'openai' });
      return 'mounted';
    } catch (error) {
      return (error as Error).message;
    }
  });
  expect(message).toContain('provider "openai" is not one of anthropic, openai-chat, openai-responses, gemini');
});

test.describe('network faults (the page reaches the widget server through a link the test can cut)', () => {
  const net = test.extend<{ link: NetworkLink }>({ link: linkFixture(ORIGIN) });

  net.beforeEach(async ({ page }) => {
    // Every status text, inside the widget's shadow root too, even one shown for a frame (the backoff can be short).
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __statusTexts: string[] }).__statusTexts = []);
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        new MutationObserver(() => {
          for (const el of root.querySelectorAll('[role="status"]'))
            if (el.textContent && !seen.includes(el.textContent)) seen.push(el.textContent);
        }).observe(root, { subtree: true, childList: true, characterData: true });
        return root;
      };
    });
  });
  const statusTexts = (page: Page) =>
    page.evaluate(() => (window as unknown as { __statusTexts: string[] }).__statusTexts);

  net(
    'a request reset by the network before the answer is retried: the reconnect banner, then the answer',
    async ({ page, link }) => {
      await page.route('**/api/v1/**', (route) => route.abort('connectionreset'), { times: 1 });
      await page.goto(`${link.url}/hostile.html`);
      await openChat(page, 'Support');
      await ask(page, 'Hello through a reset');
      const answer = page.getByRole('article', { name: 'Assistant message' });
      await expect(answer).toContainText(
        'You said: “Hello through a reset”. This answer comes from Rill’s mock provider, a few words at a time.',
      );
      await expect(answer).toHaveAttribute('aria-busy', 'false');
      expect((await statusTexts(page)).some((t) => t.startsWith('Reconnecting… attempt 2 of'))).toBe(true);
    },
  );

  net(
    'cut mid-answer while offline: with no resume target (the mock announces no run) the answer is interrupted, keeps its text, and Retry completes it',
    async ({ page, link }) => {
      // Slow enough to cut mid-answer.
      await page.route('**/api/**', (route) =>
        route.continue({ headers: { ...route.request().headers(), 'x-rill-mock-timing': 'ttft=100;delay=100' } }),
      );
      let posts = 0;
      page.on('request', (request) => void (request.method() === 'POST' && (posts += 1)));
      await page.goto(`${link.url}/hostile.html`);
      await openChat(page, 'Support');
      await ask(page, 'Cut me off');
      const answer = page.getByRole('article', { name: 'Assistant message' });
      await expect(answer).toContainText('You said:');
      await page.context().setOffline(true);
      link.cut();
      const note = answer.getByRole('note').filter({ hasText: 'interrupted' });
      await expect(note).toBeVisible();
      await expect(answer).toContainText('You said:');
      await expect(answer).not.toContainText('a few words at a time.');
      // The POST is never sent again by itself: against a provider that would be a second, billed generation.
      expect(posts).toBe(1);
      await page.context().setOffline(false);
      await note.getByRole('button', { name: 'Retry' }).click();
      await expect(answer).toContainText(
        'You said: “Cut me off”. This answer comes from Rill’s mock provider, a few words at a time.',
      );
      await expect(answer.getByRole('note')).toHaveCount(0);
    },
  );
});
