'use client';

import type { StreamMetrics, StreamStatus as StreamStatusValue } from '@rill/core';
import { classNames } from '../class-names.js';

/** Props of {@link StreamStatus}. */
export interface StreamStatusProps {
  /** The stream's status, as `useStream` reports it. */
  status: StreamStatusValue;
  /** The stream's metrics; time to first token and tokens/s are shown once known. */
  metrics?: StreamMetrics | undefined;
  className?: string | undefined;
}

const LABELS: Record<StreamStatusValue, string> = {
  idle: 'Idle',
  connecting: 'Connecting',
  streaming: 'Streaming',
  reconnecting: 'Reconnecting',
  done: 'Done',
  interrupted: 'Interrupted',
  error: 'Error',
  aborted: 'Stopped',
};

/**
 * One line of stream facts: status, time to first token and tokens per second.
 *
 * @example
 * <StreamStatus status={stream.status} metrics={stream.metrics} />
 */
export function StreamStatus({ status, metrics, className }: StreamStatusProps) {
  return (
    <dl className={classNames('rill-stream-status', className)} data-state={status}>
      <div className="rill-stream-status__item">
        <dt>Status</dt>
        <dd className="rill-stream-status__status">{LABELS[status]}</dd>
      </div>
      {metrics?.ttftMs !== undefined && (
        <div className="rill-stream-status__item">
          <dt>Time to first token</dt>
          <dd>{formatMs(metrics.ttftMs)}</dd>
        </div>
      )}
      {metrics?.tokensPerSecond !== undefined && (
        <div className="rill-stream-status__item">
          <dt>Speed</dt>
          <dd>{Math.round(metrics.tokensPerSecond)} tokens/s</dd>
        </div>
      )}
    </dl>
  );
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
