import { useExternalStore } from '../state/external-store.js';
import { MetricsChart } from './metrics-chart.js';
import { metricsLog } from './metrics-log.js';

const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);

/** The metrics tab: TTFT, inter-token latency and tokens/s of the last streams, as a chart and a table. */
export function MetricsPage() {
  const entries = useExternalStore(metricsLog);
  const buffered = [...entries].reverse().find((e) => e.metrics.bufferingSuspected);
  return (
    <section aria-labelledby="metrics-title" className="demo-page">
      <h2 id="metrics-title">Metrics</h2>
      {entries.length === 0 ? (
        <p className="demo-hint">No stream has finished yet: chat, fill the form or run a race, then come back.</p>
      ) : (
        <>
          <MetricsChart entries={entries} />
          {buffered?.metrics.bufferingMessage && (
            <p role="note" className="demo-warning">
              Buffering suspected ({buffered.label}): {buffered.metrics.bufferingMessage}
            </p>
          )}
          <table className="demo-table">
            <caption>Last {entries.length} streams, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Stream</th>
                <th scope="col">TTFB</th>
                <th scope="col">TTFT</th>
                <th scope="col">Inter-token p50</th>
                <th scope="col">Inter-token p95</th>
                <th scope="col">Tokens/s</th>
                <th scope="col">Reconnects</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.label}</th>
                  <td>{ms(e.metrics.ttfbMs)}</td>
                  <td>{ms(e.metrics.ttftMs)}</td>
                  <td>{ms(e.metrics.interTokenP50Ms)}</td>
                  <td>{ms(e.metrics.interTokenP95Ms)}</td>
                  <td>{e.metrics.tokensPerSecond === undefined ? '—' : e.metrics.tokensPerSecond.toFixed(1)}</td>
                  <td>{e.metrics.reconnects}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
