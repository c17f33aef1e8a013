import { expect, test } from '@playwright/test';

interface IndexEntry {
  id: string;
  title: string;
  type: 'story' | 'docs';
}

// A visual smoke test of the built Storybook: the first story of each component, screenshotted.
test('the main stories render without console errors', async ({ page, request }, testInfo) => {
  const index = (await (await request.get('/index.json')).json()) as { entries: Record<string, IndexEntry> };
  const main = new Map<string, string>();
  for (const entry of Object.values(index.entries))
    if (entry.type === 'story' && !main.has(entry.title)) main.set(entry.title, entry.id);
  expect(main.size).toBeGreaterThanOrEqual(10);

  const errors: string[] = [];
  page.on('console', (message) => {
    // Chromium asks for /favicon.ico on its own; Storybook ships an SVG favicon instead.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
      errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));

  for (const [title, id] of main) {
    await test.step(title, async () => {
      await page.goto(`/iframe.html?id=${id}&viewMode=story`);
      const root = page.locator('#storybook-root');
      await expect(root.locator(':scope > *').first()).toBeVisible();
      await expect(page.locator('.sb-errordisplay')).toBeHidden();
      await testInfo.attach(title, { body: await root.screenshot(), contentType: 'image/png' });
      expect(errors, title).toEqual([]);
    });
  }
});
