import { expect, test } from '@playwright/test';
import { DEMO_URL } from '../playwright.config.js';
import { openDemo } from '../support/demo-page.js';

test.beforeEach(async ({ page }) => openDemo(page, 'race'));

test('the race falls back when the primary has no first token in time', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Primary model' }).selectOption('slow');
  await page.getByRole('button', { name: 'Start race' }).click();
  await expect(page.getByTestId('race-winner')).toHaveText('fallback');
  await expect(page.getByText('fallback started: primary had no token within 800 ms')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Race answer' })).toHaveText(
    'This answer came from the model that produced the first token in time.',
  );
  await expect(page.getByText('primary aborted')).toBeVisible();
});

test('the losing primary is stopped upstream, not left generating behind the relay', async ({ page }) => {
  // The primary's requests get a key of this test's own, so the mock counts them apart.
  const key = `e2e-race-${test.info().testId}`;
  await page.route('**/api/**', (route) => {
    const headers = route.request().headers();
    return route.continue({
      headers: headers['x-rill-mock-key'] === 'primary' ? { ...headers, 'x-rill-mock-key': key } : headers,
    });
  });
  await page.getByRole('combobox', { name: 'Primary model' }).selectOption('slow');
  await page.getByRole('button', { name: 'Start race' }).click();
  await expect(page.getByText('primary aborted')).toBeVisible();
  await expect
    .poll(async () => (await page.request.get(`${DEMO_URL}/api/mock/stats?key=${key}`)).json())
    .toEqual({ started: 1, completed: 0, cancelled: 1, dropped: 0 });
});

test('a failing primary opens its circuit breaker, and later races skip it', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Primary model' }).selectOption('failing');
  const start = page.getByRole('button', { name: 'Start race' });
  await start.click();
  await expect(page.getByTestId('race-winner')).toHaveText('fallback');
  await expect(page.getByTestId('breaker-primary')).toHaveText('closed');
  await start.click();
  await expect(page.getByTestId('breaker-primary')).toHaveText('open');
  await start.click();
  await expect(page.getByText('primary skipped: its circuit is open')).toBeVisible();
  await expect(page.getByTestId('race-winner')).toHaveText('fallback');
});

test('a healthy primary wins', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Primary model' }).selectOption('healthy');
  await page.getByRole('button', { name: 'Start race' }).click();
  await expect(page.getByTestId('race-winner')).toHaveText('primary');
});
