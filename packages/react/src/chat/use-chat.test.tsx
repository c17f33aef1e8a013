import { messageText, storagePersistence, type ChatMessage, type ChatTool } from '@rill/core';
import type { MockScenario } from '@rill/mock';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockProviderServer } from '../../test/mock-provider-server.js';
import { useChat } from './use-chat.js';

const mock = mockProviderServer();

const URL = 'https://mock.test/v1/messages';
const bodies: Record<string, unknown>[] = [];
const weatherCall: MockScenario = {
  parts: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'get_weather', input: { city: 'Paris' } }],
};
const sunny: MockScenario = { parts: [{ type: 'text', text: 'It is sunny in Paris.' }] };
const hasToolResult = (body: Record<string, unknown>): boolean => JSON.stringify(body).includes('tool_result');

function serve(scenario: (body: Record<string, unknown>) => MockScenario) {
  bodies.length = 0;
  mock.serve({
    scenario: ({ body }) => {
      bodies.push(body);
      return scenario(body);
    },
  });
}

const base = { provider: 'anthropic' as const, url: URL, model: 'claude-test', maxTokens: 256 };
const textOf = (m: ChatMessage | undefined) =>
  m === undefined ? undefined : m.role === 'user' ? m.text : messageText(m.message);

describe('useChat', () => {
  it('sends a message and streams the answer', async () => {
    serve(() => ({ parts: [{ type: 'text', text: 'Hi there.' }] }));
    const onFinish = vi.fn();
    const { result } = renderHook(() => useChat({ ...base, onFinish }));
    act(() => result.current.send('Hello'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.messages.map(textOf)).toEqual(['Hello', 'Hi there.']);
    expect(onFinish).toHaveBeenCalledTimes(1);
  });

  it('runs a client tool, sends its result back and streams the next turn', async () => {
    serve((body) => (hasToolResult(body) ? sunny : weatherCall));
    const execute = vi.fn(async (input: unknown) => ({ forecast: 'sunny', input }));
    const { result } = renderHook(() => useChat({ ...base, tools: { get_weather: { execute } } }));
    act(() => result.current.send('Weather?'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(execute).toHaveBeenCalledWith({ city: 'Paris' }, expect.objectContaining({ toolCallId: 'call_1' }));
    expect(result.current.messages).toHaveLength(3);
    const call = result.current.messages[1];
    expect(call?.role === 'assistant' && call.message.parts[0]).toMatchObject({
      type: 'tool-call',
      state: 'output-available',
      output: { forecast: 'sunny' },
    });
    expect(textOf(result.current.messages[2])).toBe('It is sunny in Paris.');
    expect(JSON.stringify(bodies[1])).toContain('"tool_use_id":"call_1"');
  });

  it.each([
    ['approve', 'output-available'],
    ['deny', 'approval-denied'],
  ] as const)('waits for approval, then %s gives %s and the next turn', async (decision, state) => {
    serve((body) => (hasToolResult(body) ? sunny : weatherCall));
    const tool: ChatTool = { needsApproval: true, execute: () => 'sunny' };
    const { result } = renderHook(() => useChat({ ...base, tools: { get_weather: tool } }));
    act(() => result.current.send('Weather?'));
    await waitFor(() => expect(result.current.status).toBe('awaiting-approval'));
    expect(result.current.pendingApprovals.map((p) => p.toolCallId)).toEqual(['call_1']);
    act(() => result.current[decision]('call_1'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    const call = result.current.messages[1];
    expect(call?.role === 'assistant' && call.message.parts[0]).toMatchObject({ state });
    expect(result.current.pendingApprovals).toEqual([]);
  });

  it('stops after maxSteps model turns when the model keeps calling tools', async () => {
    serve(() => weatherCall);
    const { result } = renderHook(() =>
      useChat({ ...base, maxSteps: 2, tools: { get_weather: { execute: () => 'sunny' } } }),
    );
    act(() => result.current.send('Loop'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(bodies).toHaveLength(2);
  });

  it('sends signed reasoning back on the next turn', async () => {
    serve(() => ({
      parts: [
        { type: 'reasoning', text: 'Think.', signature: 'sig-123' },
        { type: 'text', text: 'Answer.' },
      ],
    }));
    const { result } = renderHook(() => useChat(base));
    act(() => result.current.send('One'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    act(() => result.current.send('Two'));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(JSON.stringify(bodies[1])).toContain('"signature":"sig-123"');
  });

  it('stop() ends as aborted; regenerate() drops the answer and asks again', async () => {
    serve(() => ({ parts: [{ type: 'text', text: 'word '.repeat(50) }], timing: { ttftMs: 0, tokenDelayMs: 20 } }));
    const { result } = renderHook(() => useChat(base));
    act(() => result.current.send('Long'));
    await waitFor(() => expect(result.current.status).toBe('streaming'));
    act(() => result.current.stop());
    expect(result.current.status).toBe('aborted');
    serve(() => ({ parts: [{ type: 'text', text: 'Short.' }] }));
    act(() => result.current.regenerate());
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.messages.map(textOf)).toEqual(['Long', 'Short.']);
  });

  it('restores a persisted conversation on the next mount', async () => {
    serve(() => ({ parts: [{ type: 'text', text: 'Saved.' }] }));
    const storage = new Map<string, string>();
    const area = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    };
    const first = renderHook(() => useChat({ ...base, persistence: storagePersistence(area, 'chat') }));
    act(() => first.result.current.send('Remember'));
    await waitFor(() => expect(first.result.current.status).toBe('done'));
    first.unmount();
    const second = renderHook(() => useChat({ ...base, persistence: storagePersistence(area, 'chat') }));
    expect(second.result.current.messages.map(textOf)).toEqual(['Remember', 'Saved.']);
  });

  describe('with an async persistence load', () => {
    const history: ChatMessage[] = [
      { id: 'u0', role: 'user', text: 'Earlier question' },
      {
        id: 'a0',
        role: 'assistant',
        message: { role: 'assistant', status: 'done', parts: [{ type: 'text', text: 'Earlier answer.' }] },
      },
    ];
    /** A store whose load resolves when the test says so, recording every save. */
    function slowStore(saved: ChatMessage[] | undefined) {
      let resolve: (messages: ChatMessage[] | undefined) => void = () => undefined;
      const saves: ChatMessage[][] = [];
      const persistence = {
        load: () => new Promise<ChatMessage[] | undefined>((r) => (resolve = r)),
        save: (m: ChatMessage[]) => void saves.push(m),
      };
      return { persistence, saves, finishLoad: () => act(async () => resolve(saved)) };
    }

    it('is loading until restored; a message sent meanwhile shows at once and streams after the restored history', async () => {
      serve(() => ({ parts: [{ type: 'text', text: 'New answer.' }] }));
      const store = slowStore(history);
      const { result } = renderHook(() => useChat({ ...base, persistence: store.persistence }));
      expect(result.current.status).toBe('loading');
      act(() => result.current.send('New question'));
      expect(result.current.messages.map(textOf)).toEqual(['New question']);
      expect(result.current.status).toBe('loading');
      expect(bodies).toHaveLength(0);
      expect(store.saves).toHaveLength(0);
      await store.finishLoad();
      await waitFor(() => expect(result.current.status).toBe('done'));
      expect(result.current.messages.map(textOf)).toEqual([
        'Earlier question',
        'Earlier answer.',
        'New question',
        'New answer.',
      ]);
      expect(JSON.stringify(bodies[0])).toContain('Earlier answer.');
      expect(store.saves.at(-1)?.map(textOf)).toEqual([
        'Earlier question',
        'Earlier answer.',
        'New question',
        'New answer.',
      ]);
    });

    it('restores into an idle chat when nothing was sent, and setMessages meanwhile wins over the late load', async () => {
      const quiet = slowStore(history);
      const restored = renderHook(() => useChat({ ...base, persistence: quiet.persistence }));
      await quiet.finishLoad();
      expect(restored.result.current.status).toBe('idle');
      expect(restored.result.current.messages.map(textOf)).toEqual(['Earlier question', 'Earlier answer.']);

      const cleared = slowStore(history);
      const { result } = renderHook(() => useChat({ ...base, persistence: cleared.persistence }));
      act(() => result.current.setMessages([]));
      await cleared.finishLoad();
      expect(result.current.status).toBe('idle');
      expect(result.current.messages).toEqual([]);
      expect(cleared.saves).toEqual([[]]);
    });

    it('stop() while loading keeps the sent message but cancels its turn', async () => {
      serve(() => ({ parts: [{ type: 'text', text: 'Unwanted.' }] }));
      const store = slowStore(undefined);
      const { result } = renderHook(() => useChat({ ...base, persistence: store.persistence }));
      act(() => result.current.send('Never mind'));
      act(() => result.current.stop());
      await store.finishLoad();
      expect(result.current.status).toBe('idle');
      expect(result.current.messages.map(textOf)).toEqual(['Never mind']);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(bodies).toHaveLength(0);
    });
  });
});
