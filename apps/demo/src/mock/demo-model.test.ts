import type { MockPart, MockRequestContext } from '@rill/mock';
import { describe, expect, it } from 'vitest';
import { calculate } from '../chat/calculator.js';
import { demoModel } from './demo-model.js';

const ask = (
  lastUserText: string,
  body: Record<string, unknown> = { messages: [{ role: 'user', content: lastUserText }] },
): MockPart[] =>
  demoModel({
    provider: 'openai-chat',
    body,
    lastUserText,
    request: new Request('https://mock.test/v1/chat/completions', { method: 'POST' }),
  } satisfies MockRequestContext).parts;

const toolCallOf = (parts: MockPart[]) => parts.find((p) => p.type === 'tool-call');
const textOf = (parts: MockPart[]) => parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('');

describe('demoModel', () => {
  it.each([
    ['What is the weather in Paris?', 'Paris'],
    ['weather in New York please', 'New York'],
    ['How is the weather today?', 'Paris'],
  ])('answers %j with a get_weather call for %s', (prompt, city) => {
    expect(toolCallOf(ask(prompt))).toMatchObject({ toolName: 'get_weather', input: { city } });
  });

  it('hands the arithmetic of a prompt to the calculator, which can evaluate it', () => {
    const expression = (toolCallOf(ask('What is 12 * (3 + 4)?')) as { input: { expression: string } } | undefined)
      ?.input.expression;
    expect(expression).toBe('12 * (3 + 4)');
    expect(calculate(expression ?? '')).toBe(84);
  });

  it('drafts an email that waits for approval', () => {
    expect(toolCallOf(ask('Send an email to the team'))).toMatchObject({
      toolName: 'send_email',
      input: { to: 'team@example.com', body: 'Send an email to the team' },
    });
  });

  it('reasons, with a signature, before answering a question about leap years', () => {
    const parts = ask('Think about leap years');
    expect(parts[0]).toMatchObject({ type: 'reasoning', signature: expect.any(String) });
    expect(textOf(parts)).toContain('366 days');
  });

  it('searches the web for what was asked (a search the provider runs, an answer citing its sources), even about the weather', () => {
    const parts = ask('Search the web for the weather in Paris');
    expect(parts[0]).toMatchObject({ type: 'web-search', query: 'the weather in Paris' });
    expect(parts.some((p) => p.type === 'text' && (p.citations?.length ?? 0) > 0)).toBe(true);
    expect(toolCallOf(parts)).toBeUndefined();
  });

  it('runs code in the provider’s sandbox, and draws an image, with ids of their own in each turn', () => {
    const code = ask('Run some Python for me');
    expect(code.find((p) => p.type === 'code-execution')).toMatchObject({ output: '338350\n' });
    expect(ask('Draw a landscape').find((p) => p.type === 'image')).toMatchObject({ mediaType: 'image/png' });
    const later = ask('Run some Python for me', {
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'user', content: 'Run some Python for me' },
      ],
    });
    const id = (parts: MockPart[]) => parts.find((p) => p.type === 'code-execution')?.id;
    expect(id(later)).not.toBe(id(code));
  });

  it('writes the long Markdown answer when asked for one, and echoes anything else', () => {
    expect(textOf(ask('Write a long answer'))).toMatch(/^## Why streaming feels fast/);
    expect(textOf(ask('Hello Rill'))).toMatch(/^You asked: \*Hello Rill\*\./);
    expect(toolCallOf(ask('Hello Rill'))).toBeUndefined();
  });

  it('numbers tool calls by the conversation so far, so a second call never reuses an id', () => {
    const first = toolCallOf(ask('Weather in Paris?'));
    const later = toolCallOf(
      ask('Weather in Paris?', {
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!' },
          { role: 'user', content: 'Weather in Paris?' },
        ],
      }),
    );
    expect(first?.type === 'tool-call' && later?.type === 'tool-call' && first.toolCallId !== later.toolCallId).toBe(
      true,
    );
  });

  it('answers tool results with a summary of them instead of reading the prompt again', () => {
    const body = {
      messages: [
        { role: 'user', content: 'What is 6 * 7?' },
        { role: 'assistant', tool_calls: [{ id: 'c1' }] },
        { role: 'tool', tool_call_id: 'c1', content: '{"result":42}' },
      ],
    };
    const parts = ask('What is 6 * 7?', body);
    expect(toolCallOf(parts)).toBeUndefined();
    expect(textOf(parts)).toBe('The tool answered `{"result":42}`. That settles it — anything else?');
  });
});
