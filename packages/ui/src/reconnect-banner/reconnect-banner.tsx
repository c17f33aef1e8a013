import type { ReconnectState } from '@rill/core';
import { classNames } from '../class-names.js';
import { useSecondsLeft } from './use-seconds-left.js';

/** Props of {@link ReconnectBanner}. */
export interface ReconnectBannerProps {
  /** The reconnect being waited for: `useStream().reconnect`. */
  reconnect: ReconnectState;
  /** The wait is the server's (429 with Retry-After) rather than a dropped connection. */
  rateLimited?: boolean;
  /** Called by "Retry now"; without it no button is shown. */
  onRetryNow?(): void;
  className?: string;
}

/**
 * A `role="status"` banner while the transport waits to reconnect: "Reconnecting… attempt 2 of
 * 5, next try in 3 s" (or the rate-limit wait), with a "Retry now" button.
 *
 * @example
 * {stream.status === 'reconnecting' && stream.reconnect && <ReconnectBanner reconnect={stream.reconnect} onRetryNow={stream.retry} />}
 */
export function ReconnectBanner({ reconnect, rateLimited = false, onRetryNow, className }: ReconnectBannerProps) {
  const left = useSecondsLeft(reconnect.nextRetryAt);
  const attempt = `attempt ${reconnect.attempt} of ${reconnect.maxAttempts}`;
  const wait = left === 0 ? 'trying now' : `next try in ${left} s`;
  const text = rateLimited ? `Reconnecting… rate limited by the server, ${attempt}, ${wait}` : `Reconnecting… ${attempt}, ${wait}`;
  return (
    <div className={classNames('rill-reconnect', className)} data-state={rateLimited ? 'rate-limited' : 'reconnecting'}>
      <p role="status" className="rill-reconnect__text">
        {text}
      </p>
      {onRetryNow && (
        <button type="button" className="rill-button" onClick={onRetryNow}>
          Retry now
        </button>
      )}
    </div>
  );
}
