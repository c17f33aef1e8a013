import type { StreamState } from '@rill/core';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH, MODEL, WHOLE, runEnd, startRelayStack, type RelayStack } from '../../../core/test/relay-stack.js';
import { useStream, type UseStreamOptions } from './use-stream.js';

let stack: RelayStack;
beforeEach(async () => {
  stack = await startRelayStack();
});
afterEach(async () => {
  cleanup();
  await stack.close();
});

const options = (extra: Partial<UseStreamOptions> = {}): UseStreamOptions => ({
  url: stack.url,
  provider: 'anthropic',
  headers: AUTH,
  throttle: 1,
  body: { model: MODEL, max_tokens: 256, stream: true, messages: [{ role: 'user', content: 'Hello' }] },
  ...extra,
});
const midAnswer = (state: StreamState): boolean => state.text.split(' ').length >= 10;

describe('useStream through @rill/relay', () => {
  it('attachTo re-attaches on mount to a run kept with its message, and ends with the whole answer', async () => {
    const first = renderHook(() => useStream(options({ autoStart: true })));
    await waitFor(() => expect(midAnswer(first.result.current)).toBe(true));
    const { run, message, text } = first.result.current;
    first.unmount();
    if (run === undefined || message === undefined) throw new Error('no run to keep');

    const second = renderHook(() => useStream(options({ attachTo: { run, message } })));
    expect(second.result.current.text).toBe(text);
    await waitFor(() => expect(second.result.current.status).toBe('done'));
    expect(second.result.current.message).toEqual(WHOLE);
    expect(stack.requests.filter((r) => r.startsWith('POST /v1/messages'))).toHaveLength(1);
    expect(stack.stops()).toEqual([]);
  });

  it('stop() stops the run upstream, once', async () => {
    const { result } = renderHook(() => useStream(options({ autoStart: true })));
    await waitFor(() => expect(midAnswer(result.current)).toBe(true));
    const { run } = result.current;
    act(() => result.current.stop());
    act(() => result.current.stop());

    expect(result.current.status).toBe('aborted');
    expect(await runEnd(run?.resumeUrl ?? '')).toEqual({ status: 'aborted' });
    expect(stack.stops()).toEqual([`POST /rill/runs/${run?.runId}/stop`]);
  });
});
