import type { MetricsEntry } from './metrics-log.js';

const WIDTH = 560;
const HEIGHT = 160;
const PAD = 24;

/**
 * Bars of time to first token (left scale) with a line of tokens per second (right scale),
 * one slot per stream, oldest first. The table beside it carries the same numbers for screen readers.
 *
 * @example <MetricsChart entries={metricsLog.get()} />
 */
export function MetricsChart({ entries }: { entries: readonly MetricsEntry[] }) {
  const maxTtft = Math.max(1, ...entries.map((e) => e.metrics.ttftMs ?? 0));
  const maxRate = Math.max(1, ...entries.map((e) => e.metrics.tokensPerSecond ?? 0));
  const slot = (WIDTH - 2 * PAD) / Math.max(entries.length, 1);
  const y = (ratio: number) => HEIGHT - PAD - ratio * (HEIGHT - 2 * PAD);
  const points = entries.flatMap((e, i) =>
    e.metrics.tokensPerSecond === undefined
      ? []
      : [`${PAD + slot * (i + 0.5)},${y(e.metrics.tokensPerSecond / maxRate)}`],
  );
  return (
    <svg
      className="demo-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Time to first token and tokens per second for the last ${entries.length} streams`}
    >
      <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} className="demo-chart__axis" />
      {entries.map((e, i) => {
        const top = y((e.metrics.ttftMs ?? 0) / maxTtft);
        return (
          <rect
            key={e.id}
            x={PAD + slot * i + slot * 0.2}
            y={top}
            width={slot * 0.6}
            height={HEIGHT - PAD - top}
            className="demo-chart__bar"
          />
        );
      })}
      {points.length > 1 && <polyline points={points.join(' ')} className="demo-chart__line" fill="none" />}
      {points.map((p) => {
        const [cx, cy] = p.split(',');
        return <circle key={p} cx={cx} cy={cy} r={3} className="demo-chart__dot" />;
      })}
      <text x={PAD} y={14} className="demo-chart__label">
        TTFT (bars, max {Math.round(maxTtft)} ms)
      </text>
      <text x={WIDTH - PAD} y={14} textAnchor="end" className="demo-chart__label">
        tokens/s (line, max {Math.round(maxRate)})
      </text>
    </svg>
  );
}
