'use client';

import type { RillErrorValue } from '@rill/core';
import { classNames } from '../class-names.js';

/** Props of {@link Interrupted}. */
export interface InterruptedProps {
  /** Why the answer stopped early (shown as detail); the `interrupted` error from the stream, usually. */
  error?: RillErrorValue | undefined;
  /** Called by the "Retry" button; without it no button is shown. */
  onRetry?: (() => void) | undefined;
  className?: string | undefined;
}

/**
 * The notice under an answer whose connection dropped: the partial answer above it is kept, and
 * "Retry" asks again.
 *
 * @example
 * {message.status === 'interrupted' && <Interrupted error={message.error} onRetry={retry} />}
 */
export function Interrupted({ error, onRetry, className }: InterruptedProps) {
  return (
    <div role="note" className={classNames('rill-interrupted', className)} data-state="interrupted">
      <p className="rill-interrupted__text">
        The answer was interrupted. What arrived is kept above.
        {error && <span className="rill-interrupted__detail"> ({error.message})</span>}
      </p>
      {onRetry && (
        <button type="button" className="rill-button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
