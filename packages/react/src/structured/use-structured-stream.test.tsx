import { createIncrementalParser } from '@rill/json';
import { createPartialJsonParser } from '@rill/json/partial-json';
import { loadTreeSitterBackend } from '@rill/json/tree-sitter';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockProviderServer } from '../../test/mock-provider-server.js';
import { useStructuredStream } from './use-structured-stream.js';

const mock = mockProviderServer();
const createTreeSitterParser = await loadTreeSitterBackend();

const URL = 'https://mock.test/v1/chat/completions';
const body = { model: 'gpt-test', stream: true, messages: [{ role: 'user', content: 'Recipe' }] };
const recipe = { title: 'Soup', steps: ['Boil water', 'Add salt'] };

describe('useStructuredStream', () => {
  it('parses streamed text into a growing object and reports completed paths (partial-json backend)', async () => {
    mock.serve({ scenario: { parts: [{ type: 'text', text: JSON.stringify(recipe) }] } });
    const onPathComplete = vi.fn();
    const { result } = renderHook(() =>
      useStructuredStream<typeof recipe>({
        url: URL,
        provider: 'openai-chat',
        body,
        autoStart: true,
        parser: createPartialJsonParser,
        onPathComplete,
      }),
    );
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.object).toEqual(recipe);
    expect(result.current.isComplete).toBe(true);
    expect(onPathComplete).toHaveBeenCalledWith([], recipe);
  });

  it('uses the incremental parser by default', async () => {
    mock.serve({ scenario: { parts: [{ type: 'text', text: JSON.stringify(recipe) }] } });
    const { result } = renderHook(() =>
      useStructuredStream<typeof recipe>({ url: URL, provider: 'openai-chat', body, autoStart: true }),
    );
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.object).toEqual(recipe);
    expect(result.current.completedPaths).toContainEqual(['steps', 1]);
  });

  it('parses a tool call input and turns invalid JSON into an invalid-output error', async () => {
    mock.serve({
      scenario: { parts: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'save_recipe', input: recipe }] },
    });
    const { result } = renderHook(() =>
      useStructuredStream<typeof recipe>({
        url: URL,
        provider: 'openai-chat',
        body,
        autoStart: true,
        parser: createPartialJsonParser,
        from: { toolName: 'save_recipe' },
      }),
    );
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.object).toEqual(recipe);

    mock.serve({ scenario: { parts: [{ type: 'text', text: '{"title": "Soup", oops' }] } });
    const bad = renderHook(() =>
      useStructuredStream<typeof recipe>({
        url: URL,
        provider: 'openai-chat',
        body,
        autoStart: true,
        parser: createPartialJsonParser,
      }),
    );
    await waitFor(() => expect(bad.result.current.status).toBe('error'));
    expect(bad.result.current.error?.kind).toBe('invalid-output');
    expect(bad.result.current.object).toMatchObject({ title: 'Soup' });
  });

  it('gives onFinish the final structured state and onError the invalid-output error', async () => {
    mock.serve({ scenario: { parts: [{ type: 'text', text: JSON.stringify(recipe) }] } });
    const finals: { object: typeof recipe | undefined; isComplete: boolean }[] = [];
    const good = renderHook(() =>
      useStructuredStream<typeof recipe>({
        url: URL,
        provider: 'openai-chat',
        body,
        autoStart: true,
        onFinish: ({ object, isComplete }) => finals.push({ object, isComplete }),
      }),
    );
    await waitFor(() => expect(finals).toHaveLength(1));
    expect(finals).toEqual([{ object: recipe, isComplete: true }]);

    mock.serve({ scenario: { parts: [{ type: 'text', text: '{"title": "Soup", oops' }] } });
    const onError = vi.fn();
    const onBadFinish = vi.fn();
    const bad = renderHook(() =>
      useStructuredStream<typeof recipe>({
        url: URL,
        provider: 'openai-chat',
        body,
        autoStart: true,
        onError,
        onFinish: onBadFinish,
      }),
    );
    await waitFor(() => expect(onBadFinish).toHaveBeenCalledTimes(1));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ kind: 'invalid-output', retryable: true });
    expect(onBadFinish.mock.calls[0]?.[0]).toMatchObject({
      status: 'error',
      object: { title: 'Soup' },
      isComplete: false,
      error: { kind: 'invalid-output' },
    });
    good.unmount();
    bad.unmount();
  });

  describe.each([
    ['incremental', createIncrementalParser],
    ['partial-json', createPartialJsonParser],
    ['tree-sitter', createTreeSitterParser],
  ] as const)('with a schema and the %s parser', (_name, parser) => {
    const schema = {
      type: 'object',
      properties: { title: { type: 'string' }, steps: { type: 'array', items: { type: 'string', maxLength: 12 } } },
    };

    it('ends a violation with status error and leaves the violating value out of object', async () => {
      mock.serve({
        scenario: {
          parts: [
            {
              type: 'text',
              text: JSON.stringify({ title: 'Soup', steps: ['Boil water', 'Add a great deal of salt', 'Serve'] }),
            },
          ],
        },
      });
      const { result } = renderHook(() =>
        useStructuredStream<typeof recipe>({
          url: URL,
          provider: 'openai-chat',
          body,
          autoStart: true,
          parser,
          schema,
        }),
      );
      await waitFor(() => expect(result.current.status).toBe('error'));
      expect(result.current.error).toMatchObject({ kind: 'invalid-output', retryable: true });
      expect(result.current.error?.message).toContain('$.steps[1]');
      expect(result.current.object).toEqual({ title: 'Soup', steps: ['Boil water'] });
      expect(result.current.isComplete).toBe(false);
    });

    it('ends done when the output keeps to the schema', async () => {
      mock.serve({ scenario: { parts: [{ type: 'text', text: JSON.stringify(recipe) }] } });
      const { result } = renderHook(() =>
        useStructuredStream<typeof recipe>({
          url: URL,
          provider: 'openai-chat',
          body,
          autoStart: true,
          parser,
          schema,
        }),
      );
      await waitFor(() => expect(result.current.status).toBe('done'));
      expect(result.current.object).toEqual(recipe);
      expect(result.current.error).toBeUndefined();
    });
  });
});
