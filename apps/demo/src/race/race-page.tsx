import type { RaceEvent } from '@rill/core';
import { useRace } from '@rill/react';
import { StreamingText } from '@rill/ui';
import { useMemo, useState } from 'react';
import { recordMetrics } from '../metrics/metrics-log.js';
import { raceBreaker, raceCandidates, TTFT_TIMEOUT_MS, type PrimaryMode } from './race-candidates.js';

const modes: Record<PrimaryMode, string> = {
  healthy: 'Healthy',
  slow: 'Slow (first token after 3 s)',
  failing: 'Failing (503)',
};

function describe(event: RaceEvent): string {
  switch (event.type) {
    case 'start':
      return `${event.id} started`;
    case 'fallback':
      return `${event.id} started: ${event.from} ${event.reason === 'timeout' ? `had no token within ${TTFT_TIMEOUT_MS} ms` : 'failed'}`;
    case 'failure':
      return `${event.id} failed: ${event.error.message}`;
    case 'winner':
      return `${event.id} won`;
    case 'abort':
      return `${event.id} aborted`;
    case 'breaker-open':
      return `${event.id} skipped: its circuit is open`;
  }
}

/** The race tab: two models, a time-to-first-token limit with fallback, and the breakers' states. */
export function RacePage() {
  const [mode, setMode] = useState<PrimaryMode>('slow');
  const candidates = useMemo(() => raceCandidates(mode), [mode]);
  const race = useRace({
    candidates,
    ttftTimeoutMs: TTFT_TIMEOUT_MS,
    breaker: raceBreaker,
    onFinish: (state) => {
      if (state.metrics) recordMetrics('Race', state.metrics);
    },
  });
  const running = race.status === 'connecting' || race.status === 'streaming';

  return (
    <section aria-labelledby="race-title" className="demo-page">
      <div className="demo-toolbar">
        <h2 id="race-title">Race</h2>
        <label>
          Primary model{' '}
          <select value={mode} onChange={(e) => setMode(e.currentTarget.value as PrimaryMode)} disabled={running}>
            {(Object.keys(modes) as PrimaryMode[]).map((m) => (
              <option key={m} value={m}>
                {modes[m]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="rill-button rill-button--primary" onClick={race.start} disabled={running}>
          Start race
        </button>
      </div>
      <p>
        Time-to-first-token limit: {TTFT_TIMEOUT_MS} ms. Winner:{' '}
        <strong data-testid="race-winner">{race.winner ?? '—'}</strong>
      </p>
      <div className="demo-answer" aria-label="Race answer" role="region">
        <StreamingText text={race.text} status={race.status} />
      </div>
      <div className="demo-columns">
        <section aria-labelledby="race-events-title">
          <h3 id="race-events-title">What happened</h3>
          <ol aria-labelledby="race-events-title">
            {race.events.map((event, i) => (
              <li key={i}>{describe(event)}</li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="breakers-title">
          <h3 id="breakers-title">Circuit breakers</h3>
          <table aria-labelledby="breakers-title">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">State</th>
                <th scope="col">Recent failures</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(race.breakers).map(([id, status]) => (
                <tr key={id}>
                  <th scope="row">{id}</th>
                  <td data-testid={`breaker-${id}`}>{status.state}</td>
                  <td>{status.recentFailures}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}
