import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useChat } from '../chat/use-chat.js';
import { useStream } from '../stream/use-stream.js';
import { controlledSSE } from '../../test/controlled-sse.js';

// The hooks delay core's end-of-stream report until React has committed; they never decide it: Stop is never an error.

describe('Stop is never an error in the hooks', () => {
  it('useStream: stop() gives onFinish the aborted state, and onError is not called', async () => {
    const sse = controlledSSE();
    const onError = vi.fn();
    const onFinish = vi.fn();
    const { result } = renderHook(() =>
      useStream({ url: 'https://mock.test/raw', fetch: sse.fetch, autoStart: true, throttle: 1, onError, onFinish }),
    );
    await waitFor(() => expect(result.current.status).toBe('streaming'));
    act(() => result.current.stop());
    await waitFor(() =>
      expect(onFinish).toHaveBeenCalledExactlyOnceWith(
        expect.objectContaining({ status: 'aborted', error: expect.objectContaining({ kind: 'aborted' }) }),
      ),
    );
    expect(onError).not.toHaveBeenCalled();
  });

  it('useStream: a stream that breaks calls onError, then onFinish', async () => {
    const sse = controlledSSE();
    const calls: string[] = [];
    const { result } = renderHook(() =>
      useStream({
        url: 'https://mock.test/v1/chat/completions',
        provider: 'openai-chat',
        fetch: sse.fetch,
        autoStart: true,
        throttle: 1,
        retry: false,
        onError: (e) => calls.push(`onError ${e.kind}`),
        onFinish: (s) => calls.push(`onFinish ${s.status}`),
      }),
    );
    await waitFor(() => expect(result.current.status).toBe('streaming'));
    // The body ends before OpenAI's [DONE].
    sse.write('data: {"id":"c1","model":"gpt-test","choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n');
    sse.close();
    await waitFor(() => expect(calls).toEqual(['onError interrupted', 'onFinish interrupted']));
  });

  it('useChat: stop() mid-answer gives onFinish the aborted state, and onError is not called', async () => {
    const sse = controlledSSE();
    const onError = vi.fn();
    const onFinish = vi.fn();
    const { result } = renderHook(() =>
      useChat({
        provider: 'anthropic',
        url: 'https://mock.test/v1/messages',
        model: 'claude-test',
        fetch: sse.fetch,
        throttle: 1,
        onError,
        onFinish,
      }),
    );
    act(() => result.current.send('Hi'));
    await waitFor(() => expect(result.current.status).toBe('streaming'));
    act(() => result.current.stop());
    await waitFor(() =>
      expect(onFinish).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ status: 'aborted' })),
    );
    expect(onError).not.toHaveBeenCalled();
  });
});
