'use client';

import { useId, useState } from 'react';
import type { ReasoningPart } from '@rill/core';
import { classNames } from '../class-names.js';
import { useElapsed } from './use-elapsed.js';

/** Props of {@link Reasoning}. */
export interface ReasoningProps {
  /** The reasoning part of a `Message`. */
  part: ReasoningPart;
  /** True while this reasoning is still being written. */
  streaming?: boolean | undefined;
  /** How long the model thought; measured from the first render while streaming when not given. */
  durationMs?: number | undefined;
  /** Open at first (default: open while streaming, closed otherwise). */
  defaultOpen?: boolean | undefined;
  className?: string | undefined;
}

/**
 * A collapsible reasoning block: "Thinking…" while it streams (its text streams while open), then
 * "Thought for 4 s". Reasoning the provider redacted is shown as such, never as its ciphertext.
 *
 * @example
 * <Reasoning part={part} streaming={message.status === 'streaming'} />
 */
export function Reasoning({ part, streaming = false, durationMs, defaultOpen, className }: ReasoningProps) {
  const [open, setOpen] = useState(defaultOpen ?? streaming);
  const measured = useElapsed(streaming);
  const contentId = useId();
  const elapsed = durationMs ?? measured;
  const title = streaming
    ? 'Thinking…'
    : elapsed === undefined
      ? 'Reasoning'
      : `Thought for ${Math.max(1, Math.round(elapsed / 1000))} s`;
  const state = part.redacted ? 'redacted' : streaming ? 'streaming' : 'done';
  return (
    <div className={classNames('rill-reasoning', className)} data-state={state} data-open={open}>
      <button
        type="button"
        className="rill-reasoning__toggle"
        aria-expanded={open}
        aria-controls={contentId}
        onClick={() => setOpen(!open)}
      >
        <span className="rill-reasoning__chevron" aria-hidden="true" />
        {title}
      </button>
      <div id={contentId} className="rill-reasoning__content" hidden={!open} aria-busy={streaming}>
        {open &&
          (part.redacted ? (
            <p className="rill-reasoning__redacted">The provider redacted this reasoning.</p>
          ) : (
            <p className="rill-reasoning__text">{part.text}</p>
          ))}
      </div>
    </div>
  );
}
