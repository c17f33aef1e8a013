import { toProviderRequest } from '@rill/core';
import { useStructuredStream } from '@rill/react';
import { StopButton } from '@rill/ui';
import { useEffect, useState } from 'react';
import { useDemoBackend } from '../backend/backend-context.js';
import { resumeOption } from '../backend/demo-backend.js';
import { faultFetch } from '../faults/fault-store.js';
import { recordMetrics } from '../metrics/metrics-log.js';
import { endpointFor } from '../mock/endpoints.js';
import { createParseMeter } from './parse-meter.js';
import { backendLabels, loadBackend, type BackendName } from './parser-backends.js';
import { ProfileForm } from './profile-form.js';
import { profileSchema, type Profile } from './profile-schema.js';

const MODEL = 'gpt-5-mini';
const ENDPOINT = endpointFor('openai-chat', MODEL);
const body = toProviderRequest('openai-chat', {
  model: MODEL,
  messages: [{ role: 'user', content: 'Fill in the attendee profile as JSON.' }],
});
const loaded = new Map<BackendName, Awaited<ReturnType<typeof loadBackend>>>();

/** The structured tab: a form that fills itself field by field from a streamed JSON object. */
export function StructuredPage() {
  const [backend, setBackend] = useState<BackendName>('incremental');
  const [factory, setFactory] = useState(() => ({ name: backend, create: loaded.get(backend) }));
  const [meter] = useState(createParseMeter);
  const demoBackend = useDemoBackend();
  const stream = useStructuredStream<Partial<Profile>>({
    url: ENDPOINT,
    provider: 'openai-chat',
    headers: { 'x-rill-mock-scenario': 'profile' },
    fetch: faultFetch,
    retry: { maxAttempts: 4, baseDelayMs: 800 },
    idleTimeoutMs: 1500,
    ...resumeOption(demoBackend, ENDPOINT),
    body,
    schema: profileSchema,
    ...(factory.create !== undefined && { parser: meter.wrap(factory.create) }),
    onFinish: (state) => {
      if (state.metrics) recordMetrics(`Structured · ${backend}`, state.metrics);
    },
  });

  useEffect(() => {
    let current = true;
    void loadBackend(backend).then((create) => {
      loaded.set(backend, create);
      if (current) setFactory({ name: backend, create });
    });
    return () => {
      current = false;
    };
  }, [backend]);

  const ready = factory.name === backend && factory.create !== undefined;
  const running = stream.status === 'connecting' || stream.status === 'streaming' || stream.status === 'reconnecting';
  const cost = meter.snapshot();
  const completedFields = stream.completedPaths.filter((p) => p.length === 1).map((p) => String(p[0]));

  return (
    <section aria-labelledby="structured-title" className="demo-page">
      <div className="demo-toolbar">
        <h2 id="structured-title">Structured output</h2>
        <label>
          Parser backend{' '}
          <select value={backend} onChange={(e) => setBackend(e.currentTarget.value as BackendName)} disabled={running}>
            {(Object.keys(backendLabels) as BackendName[]).map((name) => (
              <option key={name} value={name}>
                {backendLabels[name]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="rill-button rill-button--primary"
          disabled={!ready || running}
          onClick={() => {
            meter.reset();
            stream.start();
          }}
        >
          {ready ? 'Fill the form' : 'Loading parser…'}
        </button>
        <StopButton onStop={stream.stop} streaming={running} />
      </div>
      <ProfileForm value={stream.object} completed={completedFields} streaming={running} />
      <div className="demo-columns">
        <section aria-labelledby="order-title">
          <h3 id="order-title">Completion order</h3>
          <ol aria-labelledby="order-title" className="demo-order">
            {completedFields.map((key) => (
              <li key={key}>{profileSchema.properties[key as keyof typeof profileSchema.properties]?.title ?? key}</li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="cost-title">
          <h3 id="cost-title">Parse cost ({backendLabels[factory.name]})</h3>
          <dl className="demo-readout" aria-labelledby="cost-title">
            <dt>Status</dt>
            <dd data-testid="structured-status">{stream.isComplete ? 'complete' : stream.status}</dd>
            <dt>Parse time</dt>
            <dd>{cost.totalMs.toFixed(2)} ms</dd>
            <dt>Chunks</dt>
            <dd>{cost.pushes}</dd>
            <dt>Characters</dt>
            <dd>{cost.chars}</dd>
            <dt>Per chunk</dt>
            <dd>{cost.pushes === 0 ? '—' : `${((cost.totalMs / cost.pushes) * 1000).toFixed(1)} µs`}</dd>
            <dt>Slowest call</dt>
            <dd>{cost.maxCallMs.toFixed(2)} ms</dd>
          </dl>
          {stream.error && (
            <p role="alert" className="demo-error">
              {stream.error.message}
            </p>
          )}
        </section>
      </div>
    </section>
  );
}
