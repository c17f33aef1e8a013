import { createMockHandlers } from '@rill/mock/msw';
import { createPartialJsonParser } from '@rill/json/partial-json';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useStructuredStream } from './use-structured-stream.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

const URL = 'https://mock.test/v1/chat/completions';
const body = { model: 'gpt-test', stream: true, messages: [{ role: 'user', content: 'Recipe' }] };
const recipe = { title: 'Soup', steps: ['Boil water', 'Add salt'] };

describe('useStructuredStream', () => {
  it('parses streamed text into a growing object and reports completed paths (partial-json backend)', async () => {
    server.use(...createMockHandlers({ scenario: { parts: [{ type: 'text', text: JSON.stringify(recipe) }] }, timing: { ttftMs: 0, tokenDelayMs: 0 } }));
    const onPathComplete = vi.fn();
    const { result } = renderHook(() => useStructuredStream<typeof recipe>({ url: URL, provider: 'openai-chat', body, autoStart: true, parser: createPartialJsonParser, onPathComplete }));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.object).toEqual(recipe);
    expect(result.current.isComplete).toBe(true);
    expect(onPathComplete).toHaveBeenCalledWith([], recipe);
  });

  it('uses the incremental parser by default', async () => {
    server.use(...createMockHandlers({ scenario: { parts: [{ type: 'text', text: JSON.stringify(recipe) }] }, timing: { ttftMs: 0, tokenDelayMs: 0 } }));
    const { result } = renderHook(() => useStructuredStream<typeof recipe>({ url: URL, provider: 'openai-chat', body, autoStart: true }));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.object).toEqual(recipe);
    expect(result.current.completedPaths).toContainEqual(['steps', 1]);
  });

  it('parses a tool call input and turns invalid JSON into an invalid-output error', async () => {
    server.use(...createMockHandlers({ scenario: { parts: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'save_recipe', input: recipe }] }, timing: { ttftMs: 0, tokenDelayMs: 0 } }));
    const { result } = renderHook(() => useStructuredStream<typeof recipe>({ url: URL, provider: 'openai-chat', body, autoStart: true, parser: createPartialJsonParser, from: { toolName: 'save_recipe' } }));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.object).toEqual(recipe);

    server.use(...createMockHandlers({ scenario: { parts: [{ type: 'text', text: '{"title": "Soup", oops' }] }, timing: { ttftMs: 0, tokenDelayMs: 0 } }));
    const bad = renderHook(() => useStructuredStream<typeof recipe>({ url: URL, provider: 'openai-chat', body, autoStart: true, parser: createPartialJsonParser }));
    await waitFor(() => expect(bad.result.current.status).toBe('done'));
    expect(bad.result.current.error?.kind).toBe('invalid-output');
    expect(bad.result.current.object).toMatchObject({ title: 'Soup' });
  });
});
