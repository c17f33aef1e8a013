'use client';

import { isFinalStatus, type StreamStatus } from '@rill/core';
import { usePrefersReducedMotion, useSmoothText, type SmoothTextOptions } from '@rill/react';
import { classNames } from '../class-names.js';

/** Props of {@link StreamingText}. */
export interface StreamingTextProps {
  /** The text so far. */
  text: string;
  /** The stream's status: until it is final, text is revealed smoothly and a caret shows. */
  status: StreamStatus;
  /** Smoothing pace (`maxLagMs`, `minCharsPerSecond`), passed to `useSmoothText`. */
  smoothing?: Omit<SmoothTextOptions, 'status'> | undefined;
  className?: string | undefined;
}

/**
 * Plain streamed text, revealed at an even pace (`useSmoothText`) with a caret while it streams;
 * `aria-busy` is true until the stream ends. Under `prefers-reduced-motion` the text shows as it
 * arrives and there is no caret.
 *
 * @example
 * <StreamingText text={stream.text} status={stream.status} />
 */
export function StreamingText({ text, status, smoothing, className }: StreamingTextProps) {
  const shown = useSmoothText(text, { ...smoothing, status });
  const reduced = usePrefersReducedMotion();
  const streaming = !isFinalStatus(status) && status !== 'idle';
  return (
    <div
      className={classNames('rill-streaming-text', className)}
      data-state={streaming ? 'streaming' : status}
      aria-busy={streaming}
    >
      {shown}
      {streaming && !reduced && <span className="rill-caret" aria-hidden="true" />}
    </div>
  );
}
