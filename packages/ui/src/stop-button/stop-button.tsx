'use client';

import type { ButtonHTMLAttributes } from 'react';
import { classNames } from '../class-names.js';

/** Props of {@link StopButton}: a plain button's, plus the stream it stops. */
export interface StopButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'children'> {
  /** Called when pressed: usually the stream's `stop()`. */
  onStop(): void;
  /** Whether there is anything to stop; when false the button is disabled. Default true. */
  streaming?: boolean | undefined;
}

/**
 * The button named "Stop" that aborts a stream; what arrived before it is kept.
 *
 * @example
 * <StopButton onStop={stream.stop} streaming={stream.status === 'streaming'} />
 */
export function StopButton({ onStop, streaming = true, className, ...rest }: StopButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      className={classNames('rill-stop', className)}
      data-state={streaming ? 'streaming' : 'idle'}
      disabled={!streaming}
      onClick={onStop}
    >
      <span className="rill-stop__icon" aria-hidden="true" />
      Stop
    </button>
  );
}
