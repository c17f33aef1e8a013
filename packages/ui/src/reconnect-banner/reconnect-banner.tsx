'use client';

import type { ReconnectReason, ReconnectState } from '@rill/core';
import { classNames } from '../class-names.js';
import { useSecondsLeft } from './use-seconds-left.js';

/** The reconnect a banner shows: the store's `ReconnectState`; `reason` and `status` say why it waits. */
export type BannerReconnect = Pick<ReconnectState, 'attempt' | 'maxAttempts' | 'nextRetryAt'> &
  Partial<Pick<ReconnectState, 'reason' | 'status'>>;

/** Props of {@link ReconnectBanner}. */
export interface ReconnectBannerProps {
  /** The reconnect being waited for: `useStream().reconnect`. */
  reconnect: BannerReconnect;
  /** Overrides `reconnect.reason`: the wait is (or is not) the server's 429 with Retry-After. */
  rateLimited?: boolean | undefined;
  /** Called by "Retry now"; without it no button is shown. */
  onRetryNow?: (() => void) | undefined;
  className?: string | undefined;
}

// The cause goes after the attempt, so every banner still starts "Reconnecting… attempt N of M".
const cause = (reason: ReconnectReason | undefined, status: number | undefined): string => {
  switch (reason) {
    case 'server':
      return status === undefined ? ' (the server failed)' : ` (the server answered ${status})`;
    case 'network':
      return ' (the connection failed)';
    case 'stall':
      return ' (no data arrived in time)';
    case 'resume':
      return ' (the connection dropped; resuming where it stopped)';
    default:
      return '';
  }
};

/**
 * A banner while the transport waits to reconnect: "Reconnecting… attempt 2 of 5 (the server
 * answered 503), next try in 3 s", or the server's rate-limit wait when `reconnect.reason` is
 * `rate-limit`, with a "Retry now" button. Its `role="status"` region holds all but the countdown,
 * so a screen reader announces each attempt once, not every second.
 *
 * @example
 * {stream.status === 'reconnecting' && stream.reconnect && <ReconnectBanner reconnect={stream.reconnect} onRetryNow={stream.retry} />}
 */
export function ReconnectBanner({ reconnect, rateLimited, onRetryNow, className }: ReconnectBannerProps) {
  const left = useSecondsLeft(reconnect.nextRetryAt);
  const limited = rateLimited ?? reconnect.reason === 'rate-limit';
  const attempt = `attempt ${reconnect.attempt} of ${reconnect.maxAttempts}`;
  const wait = left === 0 ? ', trying now' : `, next try in ${left} s`;
  const text = limited
    ? `Reconnecting… rate limited by the server, ${attempt}`
    : `Reconnecting… ${attempt}${cause(reconnect.reason, reconnect.status)}`;
  return (
    <div
      className={classNames('rill-reconnect', className)}
      data-state={limited ? 'rate-limited' : 'reconnecting'}
      data-reason={reconnect.reason}
    >
      <p className="rill-reconnect__text">
        <span role="status">{text}</span>
        {/* Hidden from screen readers: a live region would read out every tick of the countdown. */}
        <span aria-hidden="true">{wait}</span>
      </p>
      {onRetryNow && (
        <button type="button" className="rill-button" onClick={onRetryNow}>
          Retry now
        </button>
      )}
    </div>
  );
}
