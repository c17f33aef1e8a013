import type { StreamState } from '@rill/core';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { Profiler, StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { controlledSSE, manualFrames } from '../../test/controlled-sse.js';
import { mockProviderServer } from '../../test/mock-provider-server.js';
import { useStream, type UseStreamOptions } from './use-stream.js';

// Registered before the server so it runs after its cleanup (after-hooks run in reverse): unmounting still sees the stubbed frames.
afterEach(() => vi.unstubAllGlobals());
const mock = mockProviderServer();

const BASE = 'https://mock.test';
const TEXT = 'Hello! This is Rill’s mock provider, streaming one small piece at a time.';
const chatBody = { model: 'gpt-test', stream: true, messages: [{ role: 'user', content: 'Hi' }] };
const openai = (extra: Partial<UseStreamOptions> = {}): UseStreamOptions =>
  ({
    url: `${BASE}/v1/chat/completions`,
    provider: 'openai-chat',
    body: chatBody,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  }) as UseStreamOptions;

function Answer(props: { options: UseStreamOptions }) {
  const { text, status, stop } = useStream(props.options);
  return (
    <div>
      <p data-testid="text">{text}</p>
      <p data-testid="status">{status}</p>
      <button onClick={stop}>Stop</button>
    </div>
  );
}

describe('useStream over the mock provider', () => {
  it('streams a message to done and calls onFinish after the final text is on screen', async () => {
    mock.serve({ scenario: 'text' });
    const seenAtFinish: string[] = [];
    const onFinish = vi.fn((state: StreamState) =>
      seenAtFinish.push(`${state.status}:${screen.getByTestId('text').textContent ?? ''}`),
    );
    render(<Answer options={openai({ autoStart: true, onFinish })} />);
    await waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(seenAtFinish).toEqual([`done:${TEXT}`]);
    expect(screen.getByTestId('status').textContent).toBe('done');
  });

  it('starts on demand with a body, reports metrics, and retry() sends the same body again', async () => {
    const bodies: unknown[] = [];
    mock.serve({
      scenario: (ctx) => (
        bodies.push(JSON.parse(ctx.request.headers.get('x-test-body') ?? 'null')),
        { parts: [{ type: 'text', text: 'ok' }] }
      ),
    });
    const { result } = renderHook(() => useStream(openai({ headers: { 'x-test-body': '"first"' } })));
    expect(result.current.status).toBe('idle');
    act(() => result.current.start({ ...chatBody, model: 'other' }));
    expect(result.current.status).toBe('connecting');
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.text).toBe('ok');
    expect(result.current.metrics?.tokenParts).toBeGreaterThan(0);
    expect(result.current.message?.model).toBe('other');
    act(() => result.current.retry());
    await waitFor(() => expect(bodies).toHaveLength(2));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.message?.model).toBe('other');
  });

  it('shows reconnecting with attempt and time on a 429, then streams', async () => {
    mock.serve({ scenario: 'text', fault: { type: 'rate-limit', retryAfterSeconds: 0 } });
    const statuses: string[] = [];
    const { result } = renderHook(() => {
      const stream = useStream(openai({ autoStart: true }));
      statuses.push(stream.status);
      return stream;
    });
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(statuses).toContain('reconnecting');
    expect(result.current.text).toBe(TEXT);
    expect(result.current.metrics?.reconnects).toBe(1);
  });

  it('says a wait is the server’s rate limit (x-rill-mock-fault: 429;retry-after=1), then streams', async () => {
    mock.serve({ scenario: 'text' });
    const waits: NonNullable<StreamState['reconnect']>[] = [];
    const { result } = renderHook(() => {
      const stream = useStream(openai({ autoStart: true, headers: { 'x-rill-mock-fault': '429;retry-after=1' } }));
      if (stream.reconnect) waits.push(stream.reconnect);
      return stream;
    });
    await waitFor(() => expect(result.current.status).toBe('reconnecting'));
    expect(result.current.reconnect).toMatchObject({ attempt: 2, reason: 'rate-limit', status: 429 });
    expect((result.current.reconnect?.nextRetryAt ?? 0) - Date.now()).toBeGreaterThan(500);
    await waitFor(() => expect(result.current.status).toBe('done'), { timeout: 3000 });
    expect(result.current.reconnect).toBeUndefined();
    expect(result.current.text).toBe(TEXT);
    expect(new Set(waits.map((wait) => wait.reason))).toEqual(new Set(['rate-limit']));
  });

  it('resumes a dropped stream with Last-Event-ID at the resume target it is given (the mock resumes the same POST)', async () => {
    mock.serve({ scenario: 'text', fault: { type: 'drop', afterEvents: 4 } });
    const { result } = renderHook(() =>
      useStream(openai({ autoStart: true, resume: { url: `${BASE}/v1/chat/completions`, method: 'POST' } })),
    );
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.text).toBe(TEXT);
  });

  it.each([
    [
      'a dropped connection without ids',
      'interrupted',
      'interrupted',
      { type: 'drop', afterEvents: 4 } as const,
      false,
    ],
    [
      'a dropped connection with ids but no resume target (the POST is not sent again)',
      'interrupted',
      'interrupted',
      { type: 'drop', afterEvents: 4 } as const,
      true,
    ],
    [
      'a stall past idleTimeoutMs without ids',
      'interrupted',
      'interrupted',
      { type: 'stall', afterEvents: 3, ms: 2000 } as const,
      false,
    ],
    ['a missing terminator', 'interrupted', 'interrupted', { type: 'no-terminator' } as const, true],
    ['a malformed payload', 'error', 'malformed-event', { type: 'malformed', afterEvents: 2 } as const, true],
    [
      'a 500 that outlives the retries',
      'error',
      'http',
      { type: 'server-error', status: 500, times: Infinity } as const,
      true,
    ],
    ['an HTML page instead of a stream', 'error', 'content-type', { type: 'html', status: 200 } as const, true],
  ])('ends %s as %s, keeping what arrived, and calls onError', async (_name, status, kind, fault, eventIds) => {
    mock.serve({ scenario: 'text', fault, eventIds });
    const onError = vi.fn();
    const { result } = renderHook(() =>
      useStream(openai({ autoStart: true, idleTimeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 1 }, onError })),
    );
    await waitFor(() => expect(result.current.status).toBe(status), { timeout: 3000 });
    expect(result.current.error?.kind).toBe(kind);
    expect(TEXT.startsWith(result.current.text)).toBe(true);
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind })));
  });
});

describe('useStream rendering and lifecycle', () => {
  it('commits once for 1,000 parts that arrive within one frame', async () => {
    const frames = manualFrames();
    vi.stubGlobal('requestAnimationFrame', frames.request);
    vi.stubGlobal('cancelAnimationFrame', frames.cancel);
    const sse = controlledSSE();
    let commits = 0;
    let parts = 0;
    render(
      <Profiler id="answer" onRender={() => (commits += 1)}>
        <Answer options={{ url: `${BASE}/raw`, fetch: sse.fetch, autoStart: true, onPart: () => (parts += 1) }} />
      </Profiler>,
    );
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('streaming'));
    const before = commits;
    sse.write('data: x\n\n'.repeat(1000));
    await waitFor(() => expect(parts).toBe(1000));
    expect(commits).toBe(before);
    act(() => frames.flush());
    expect(commits).toBe(before + 1);
    expect(screen.getByTestId('text').textContent).toBe('x'.repeat(1000));
    sse.close();
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('done'));
  });

  it('stop() aborts the request: the reader is cancelled and the status is aborted, not interrupted', async () => {
    const sse = controlledSSE();
    const onFinish = vi.fn();
    render(<Answer options={{ url: `${BASE}/raw`, fetch: sse.fetch, autoStart: true, throttle: 1, onFinish }} />);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('streaming'));
    sse.write('data: partial\n\n');
    await waitFor(() => expect(screen.getByTestId('text').textContent).toBe('partial'));
    act(() => screen.getByRole('button', { name: 'Stop' }).click());
    expect(screen.getByTestId('status').textContent).toBe('aborted');
    expect(screen.getByTestId('text').textContent).toBe('partial');
    await waitFor(() => expect(sse.cancelled).toBe(true));
    await waitFor(() =>
      expect(onFinish).toHaveBeenCalledWith(
        expect.objectContaining({ status: 'aborted', error: expect.objectContaining({ kind: 'aborted' }) }),
      ),
    );
  });

  it('unmount aborts the request and calls nothing afterwards', async () => {
    const sse = controlledSSE();
    const onFinish = vi.fn();
    const onPart = vi.fn();
    const view = render(
      <Answer options={{ url: `${BASE}/raw`, fetch: sse.fetch, autoStart: true, onFinish, onPart }} />,
    );
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('streaming'));
    view.unmount();
    await waitFor(() => expect(sse.cancelled).toBe(true));
    sse.write('data: late\n\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onPart).not.toHaveBeenCalled();
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('opens one connection under StrictMode', async () => {
    const sse = controlledSSE();
    render(
      <StrictMode>
        <Answer options={{ url: `${BASE}/raw`, fetch: sse.fetch, autoStart: true }} />
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('streaming'));
    sse.write('data: one\n\n');
    sse.close();
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('done'));
    expect(sse.requests).toBe(1);
    expect(sse.cancelled).toBe(false);
    expect(screen.getByTestId('text').textContent).toBe('one');
  });
});
