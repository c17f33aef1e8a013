import { providerRequestPath, toProviderRequest, type ProviderName } from '@rill/core';
import { useStream } from '@rill/react';
import { Conversation, MessageView, ReconnectBanner, StopButton, StreamStatus } from '../src/index.js';

/** What a live story streams: a provider's wire format from @rill/mock, a scenario and a fault. */
export interface LiveAnswerProps {
  provider: ProviderName;
  /** A @rill/mock built-in scenario name (`text`, `reasoning`, `tool-call`, `long-text`...). */
  scenario: string;
  /** A @rill/mock fault in header syntax (`drop-after=6`, `stall=3000`, `429;retry-after=2`). */
  fault?: string;
  /** @rill/mock timing in header syntax. */
  timing?: string;
}

const MODELS: Record<ProviderName, string> = {
  anthropic: 'claude-sonnet-4-6',
  'openai-chat': 'gpt-5-mini',
  'openai-responses': 'gpt-5-mini',
  gemini: 'gemini-2.5-flash',
};

/** A whole answer streamed through the real stack (transport, decoder, store, hooks) from the MSW mock. */
export function LiveAnswer({
  provider,
  scenario,
  fault,
  timing = 'ttft=200;delay=25;jitter=10;seed=7',
}: LiveAnswerProps) {
  const model = MODELS[provider];
  const url = `${window.location.origin}${providerRequestPath(provider, model)}`;
  const stream = useStream({
    url,
    provider,
    headers: {
      'x-rill-mock-scenario': scenario,
      'x-rill-mock-timing': timing,
      ...(fault && { 'x-rill-mock-fault': fault, 'x-rill-mock-key': crypto.randomUUID() }),
    },
    body: toProviderRequest(provider, {
      model,
      messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
    }),
    retry: { maxAttempts: 5, baseDelayMs: 1500, maxDelayMs: 3000 },
    idleTimeoutMs: 1500,
    // The mock resumes statelessly: the same POST plus Last-Event-ID replays the rest of the same answer.
    resume: { url, method: 'POST' },
    autoStart: true,
  });
  return (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      <StreamStatus status={stream.status} metrics={stream.metrics} />
      {stream.status === 'reconnecting' && stream.reconnect && (
        <ReconnectBanner reconnect={stream.reconnect} onRetryNow={stream.retry} />
      )}
      <div style={{ height: 360 }}>
        <Conversation>
          <p className="rill-user">What is the weather in Paris?</p>
          {stream.message && <MessageView message={stream.message} onRetry={stream.retry} />}
        </Conversation>
      </div>
      <div>
        <StopButton onStop={stream.stop} streaming={stream.status === 'streaming' || stream.status === 'connecting'} />
      </div>
    </div>
  );
}
