import { decodeProvider, streamSSE, type ProviderName, type StreamCandidate } from '@rill/core';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualFrames } from '../../test/controlled-sse.js';
import { mockProviderServer } from '../../test/mock-provider-server.js';
import { useFanOut } from './use-fan-out.js';

const mock = mockProviderServer();

const BASE = 'https://mock.test';
const TEXT = 'Hello! This is Rill’s mock provider, streaming one small piece at a time.';
const requests = {
  'openai-chat': {
    path: '/v1/chat/completions',
    body: { model: 'gpt-test', stream: true, messages: [{ role: 'user', content: 'Hi' }] },
  },
  anthropic: {
    path: '/v1/messages',
    body: { model: 'claude-test', max_tokens: 64, stream: true, messages: [{ role: 'user', content: 'Hi' }] },
  },
} as const;

/** A real provider candidate over the mock, remembering the abort signal it was started with. */
function model(
  provider: keyof typeof requests,
  headers: Record<string, string> = {},
  signals: AbortSignal[] = [],
): StreamCandidate {
  const { path, body } = requests[provider];
  return {
    id: provider,
    start(signal) {
      signals.push(signal);
      const events = streamSSE(`${BASE}${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...headers },
        signal,
        retry: { maxAttempts: 1 },
      });
      return decodeProvider(provider as ProviderName, events);
    },
  };
}

function Compare(props: { candidates: readonly StreamCandidate[] }) {
  const { sources, status, stop } = useFanOut(props.candidates, { autoStart: true });
  return (
    <div>
      {Object.entries(sources).map(([id, s]) => (
        <p key={id} data-testid={id}>
          {s.status}:{s.text}
        </p>
      ))}
      <p data-testid="status">{status}</p>
      <button onClick={stop}>Stop</button>
    </div>
  );
}

describe('useFanOut over the mock provider', () => {
  it('streams two providers at once, each into its own message', async () => {
    mock.serve({ scenario: 'text', timing: { ttftMs: 0, tokenDelayMs: 1 } });
    const onFinish = vi.fn();
    const candidates = [model('openai-chat'), model('anthropic')];
    const { result } = renderHook(() => useFanOut(candidates, { autoStart: true, onFinish }));
    expect(Object.keys(result.current.sources)).toEqual(['openai-chat', 'anthropic']);
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.sources['openai-chat']).toMatchObject({
      status: 'done',
      text: TEXT,
      message: { model: 'gpt-test' },
    });
    expect(result.current.sources.anthropic).toMatchObject({
      status: 'done',
      text: TEXT,
      message: { model: 'claude-test' },
    });
    expect(result.current.sources.anthropic?.metrics.ttftMs).toBeGreaterThanOrEqual(0);
    await waitFor(() => expect(onFinish).toHaveBeenCalledWith(expect.objectContaining({ status: 'done' })));
  });

  it('one provider failing does not stop the other', async () => {
    mock.serve({ scenario: 'text', timing: { ttftMs: 0, tokenDelayMs: 1 } });
    const { result } = renderHook(() =>
      useFanOut([model('openai-chat', { 'x-rill-mock-fault': '500' }), model('anthropic')], { autoStart: true }),
    );
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.sources['openai-chat']?.error).toMatchObject({ kind: 'http', status: 500 });
    expect(result.current.sources.anthropic).toMatchObject({ status: 'done', text: TEXT });
  });

  it('stop() aborts every request; what arrived stays', async () => {
    mock.serve({ scenario: 'text' });
    const signals: AbortSignal[] = [];
    const stall = { 'x-rill-mock-fault': 'stall=10000;after=6' };
    render(<Compare candidates={[model('openai-chat', stall, signals), model('anthropic', stall, signals)]} />);
    await waitFor(() => expect(screen.getByTestId('openai-chat').textContent).toMatch(/^streaming:Hello/));
    await waitFor(() => expect(screen.getByTestId('anthropic').textContent).toMatch(/^streaming:Hello/));
    act(() => screen.getByRole('button', { name: 'Stop' }).click());
    expect(screen.getByTestId('status').textContent).toBe('aborted');
    expect(screen.getByTestId('openai-chat').textContent).toMatch(/^aborted:Hello/);
    expect(screen.getByTestId('anthropic').textContent).toMatch(/^aborted:Hello/);
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
  });

  it('unmount aborts every request', async () => {
    mock.serve({ scenario: 'text' });
    const signals: AbortSignal[] = [];
    const stall = { 'x-rill-mock-fault': 'stall=10000;after=6' };
    const view = render(
      <Compare candidates={[model('openai-chat', stall, signals), model('anthropic', stall, signals)]} />,
    );
    await waitFor(() => expect(screen.getByTestId('anthropic').textContent).toMatch(/^streaming:/));
    view.unmount();
    await waitFor(() => expect(signals.map((s) => s.aborted)).toEqual([true, true]));
  });
});

describe('useFanOut rendering', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('commits once for 1,000 parts from each of two sources that arrive within one frame', async () => {
    const frames = manualFrames();
    vi.stubGlobal('requestAnimationFrame', frames.request);
    vi.stubGlobal('cancelAnimationFrame', frames.cancel);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const burst = (id: string): StreamCandidate => ({
      id,
      async *start() {
        yield { type: 'message-start', id };
        await gate;
        for (let i = 0; i < 1000; i += 1) yield { type: 'text-delta', id: 't', delta: 'x' };
        yield { type: 'done' };
      },
    });
    const candidates = [burst('a'), burst('b')];
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useFanOut(candidates, { autoStart: true });
    });
    act(() => frames.flush());
    await waitFor(() => expect(result.current.sources.b?.status).toBe('streaming'));
    const before = renders;
    // 2,002 parts and no frame: only the end (published at once) may render.
    release();
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(renders).toBe(before + 1);
    expect(result.current.sources.a?.text).toBe('x'.repeat(1000));
    expect(result.current.sources.b?.text).toBe('x'.repeat(1000));
  });
});
