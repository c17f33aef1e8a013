import { expect, test } from '@playwright/test';
import { openDemo } from '../support/demo-page.js';

const ORDER = ['Full name', 'Email', 'Company', 'City', 'Seats', 'Newsletter', 'Short bio'];

for (const backend of ['Incremental (Rill, default)', 'web-tree-sitter', 'partial-json']) {
  test(`the form fills in order with the ${backend} parser`, async ({ page }) => {
    await openDemo(page, 'structured');
    await page.getByRole('combobox', { name: 'Parser backend' }).selectOption({ label: backend });
    const fill = page.getByRole('button', { name: 'Fill the form' });
    await expect(fill).toBeEnabled();
    await fill.click();

    const form = page.getByRole('form', { name: 'Attendee profile' });
    // Checked on every frame: the moment the first field is in, the last one is still on its way.
    const atFirstField = await page.waitForFunction(
      () => {
        const name = document.querySelector<HTMLInputElement>('#profile-name')?.value;
        return name === 'Ada Lovelace' && { bio: document.querySelector<HTMLTextAreaElement>('#profile-bio')?.value };
      },
      undefined,
      { polling: 'raf' },
    );
    expect(await atFirstField.jsonValue()).toEqual({ bio: '' });
    await expect(page.getByTestId('structured-status')).toHaveText('complete', { timeout: 15_000 });
    await expect(form.getByLabel('Short bio')).toHaveValue(/^Writes programs for machines/);
    await expect(form.getByLabel('Seats')).toHaveValue('3');
    await expect(form.getByLabel('Newsletter')).toBeChecked();
    await expect(page.getByRole('list', { name: 'Completion order' }).getByRole('listitem')).toHaveText(ORDER);
    await expect(page.getByRole('definition').filter({ hasText: /^\d+\.\d µs$/ })).toBeVisible();
  });
}
