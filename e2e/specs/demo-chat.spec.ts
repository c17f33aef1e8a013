import { expect, test } from '@playwright/test';
import { chatSettles, lastAnswer, openDemo, send } from '../support/demo-page.js';

test.beforeEach(async ({ page }) => openDemo(page, 'chat'));

test('text appears progressively: a partial answer is visible before the final one', async ({ page }) => {
  await send(page, 'Write a long answer about streaming');
  const answer = lastAnswer(page);
  await expect(answer).toHaveAttribute('aria-busy', 'true');
  await expect(answer).toContainText('Why streaming feels fast');
  const partial = (await answer.textContent()) ?? '';
  await chatSettles(page);
  await expect(answer).toHaveAttribute('aria-busy', 'false');
  const final = (await answer.textContent()) ?? '';
  expect(partial.length).toBeGreaterThan(0);
  expect(final.length).toBeGreaterThan(partial.length);
  expect(final).toContain('with no word shown twice.');
});

test('a tool call that needs approval: approve, the tool runs, and the model answers its result', async ({ page }) => {
  await send(page, 'Send an email to the team');
  const tool = page.getByRole('group', { name: 'Tool call: send_email' });
  await chatSettles(page, 'awaiting-approval');
  await expect(tool).toContainText('team@example.com');
  await tool.getByRole('button', { name: 'Approve' }).click();
  await expect(tool).toContainText('"sent": true');
  await chatSettles(page);
  await expect(lastAnswer(page)).toContainText('The tool answered {"sent":true,"to":"team@example.com"}');
});

test('denying a tool call tells the model it was denied', async ({ page }) => {
  await send(page, 'Send an email to the team');
  await chatSettles(page, 'awaiting-approval');
  await page.getByRole('group', { name: 'Tool call: send_email' }).getByRole('button', { name: 'Deny' }).click();
  await chatSettles(page);
  await expect(lastAnswer(page)).toContainText('The tool answered The user denied this tool call.');
});

test('client tools without approval run at once in every provider’s wire format', async ({ page }) => {
  const providers = ['Anthropic Messages', 'OpenAI Chat Completions', 'OpenAI Responses', 'Gemini'];
  for (const provider of providers) {
    await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: provider });
    await send(page, 'What is 12 * (3 + 4)?');
    await chatSettles(page);
    await expect(lastAnswer(page), provider).toContainText('The tool answered {"result":84}');
  }
  // One conversation across the switches: four questions, each answered after its tool call.
  await expect(page.getByRole('article', { name: 'Your message' })).toHaveCount(4);
  await expect(page.getByRole('group', { name: 'Tool call: calculator' })).toHaveCount(4);
});

test('tools the provider runs: a web search with the answer’s sources and citation markers, then code with its output', async ({
  page,
}) => {
  await send(page, 'Search the web for how EventSource reconnects');
  await chatSettles(page);
  const answer = lastAnswer(page);
  const search = answer.getByRole('group', { name: 'Web search, run by the provider' });
  await expect(search).toContainText('how EventSource reconnects');
  await expect(search.getByRole('button')).toHaveCount(0);
  const sources = answer.getByRole('list', { name: 'Sources' });
  await expect(sources.getByRole('listitem')).toHaveCount(2);
  const mdn = sources.getByRole('link', { name: 'Using server-sent events - Web APIs | MDN' });
  await expect(mdn).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(mdn).toHaveAttribute('target', '_blank');
  await expect(answer.getByRole('link', { name: 'Source 2: HTML Standard: Server-sent events' })).toHaveAttribute(
    'href',
    'https://html.spec.whatwg.org/multipage/server-sent-events.html',
  );
  // The next turn sends the search back to the provider as its API wants it, and code runs in its sandbox.
  await send(page, 'Run some Python');
  await chatSettles(page);
  const code = lastAnswer(page).getByRole('group', { name: 'Code execution, run by the provider' });
  await expect(code).toContainText('print(squares)');
  await expect(code).toContainText('338350');
});

test('reasoning is shown while it streams and collapses to its duration', async ({ page }) => {
  await send(page, 'Think about leap years');
  await expect(page.getByRole('button', { name: 'Thinking…' })).toHaveAttribute('aria-expanded', 'true');
  await chatSettles(page);
  await expect(lastAnswer(page)).toContainText('A leap year has 366 days');
  const toggle = page.getByRole('button', { name: /^Thought for \d+ s$/ });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByText('a leap year adds February 29')).toBeHidden();
  await toggle.click();
  await expect(page.getByText('a leap year adds February 29')).toBeVisible();
});

test('stop keeps the partial answer', async ({ page }) => {
  await send(page, 'Write a long answer about streaming');
  const answer = lastAnswer(page);
  await expect(answer).toContainText('The SSE decoder');
  await page.getByRole('button', { name: 'Stop' }).click();
  await chatSettles(page, 'aborted');
  await expect(answer.getByText('Stopped.')).toBeVisible();
  await expect(answer).toContainText('The SSE decoder');
  await expect(answer).not.toContainText('with no word shown twice.');
});

test('regenerate asks again and replaces the answer', async ({ page }) => {
  await send(page, 'Hello Rill');
  await chatSettles(page);
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await chatSettles(page);
  await expect(page.getByRole('article', { name: 'Assistant message' })).toHaveCount(1);
  await expect(lastAnswer(page)).toContainText('You asked: Hello Rill.');
});

test('a reload restores the conversation', async ({ page }) => {
  await send(page, 'Weather in Paris?');
  await chatSettles(page);
  const answers = await page.getByRole('article', { name: 'Assistant message' }).allTextContents();
  expect(answers).toHaveLength(2);
  await page.reload();
  await expect(page.getByRole('article', { name: 'Your message' })).toHaveText(['Weather in Paris?']);
  await expect(page.getByRole('article', { name: 'Assistant message' })).toHaveText(answers);
  await expect(page.getByRole('group', { name: 'Tool call: get_weather' })).toContainText('Paris');
});
