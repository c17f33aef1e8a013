'use client';

import type { ToolCallPart } from '@rill/core';
import { classNames } from '../class-names.js';
import { formatValue } from './format-value.js';

/** What a tool call shows (its `data-state`): the part's state, `input-available` shown as `running`. */
export type ToolCallState =
  'input-streaming' | 'awaiting-approval' | 'running' | 'denied' | 'output-available' | 'output-error';

/** Props of {@link ToolCall}. */
export interface ToolCallProps {
  /** The tool call part of a `Message`; an `approval-requested` part shows Approve / Deny. */
  part: ToolCallPart;
  /** Called by "Approve" (`MessageView` given a `chat` calls `chat.approve`). */
  onApprove?: ((part: ToolCallPart) => void) | undefined;
  /** Called by "Deny". */
  onDeny?: ((part: ToolCallPart) => void) | undefined;
  className?: string | undefined;
}

const SHOWN: Record<ToolCallPart['state'], ToolCallState> = {
  'input-streaming': 'input-streaming',
  'input-available': 'running',
  'approval-requested': 'awaiting-approval',
  'approval-denied': 'denied',
  'output-available': 'output-available',
  'output-error': 'output-error',
};

const STATE_LABELS: Record<ToolCallState, string> = {
  'input-streaming': 'Receiving input',
  'awaiting-approval': 'Awaiting approval',
  running: 'Running',
  denied: 'Denied',
  'output-available': 'Done',
  'output-error': 'Failed',
};

/**
 * One tool call: its name, the input as it fills (with a busy indicator while it streams), then
 * Approve / Deny (an `approval-requested` part, given the handlers), running, the output, the error
 * or the reason it was denied.
 *
 * @example
 * <ToolCall part={part} onApprove={(p) => chat.approve(p.toolCallId)} onDeny={(p) => chat.deny(p.toolCallId)} />
 */
export function ToolCall({ part, onApprove, onDeny, className }: ToolCallProps) {
  const state = SHOWN[part.state];
  const busy = state === 'input-streaming' || state === 'running';
  const input = part.input === undefined ? part.inputText : formatValue(part.input, part.inputText);
  return (
    <div
      role="group"
      aria-label={`Tool call: ${part.toolName}`}
      aria-busy={busy}
      className={classNames('rill-tool', className)}
      data-state={state}
    >
      <div className="rill-tool__header">
        <span className="rill-tool__name">{part.toolName}</span>
        <span className="rill-tool__state">{STATE_LABELS[state]}</span>
        {busy && (
          <span
            className="rill-spinner"
            role="progressbar"
            aria-label={state === 'running' ? `Running ${part.toolName}` : `Receiving input for ${part.toolName}`}
          />
        )}
      </div>
      <span className="rill-tool__label">Input</span>
      <pre className="rill-tool__input" tabIndex={0}>
        {input}
      </pre>
      {state === 'awaiting-approval' && (onApprove !== undefined || onDeny !== undefined) && (
        <div className="rill-tool__actions">
          <button type="button" className="rill-button rill-button--primary" onClick={() => onApprove?.(part)}>
            Approve
          </button>
          <button type="button" className="rill-button" onClick={() => onDeny?.(part)}>
            Deny
          </button>
        </div>
      )}
      {state === 'denied' && <p className="rill-tool__note">{part.errorText ?? 'The user denied this tool call.'}</p>}
      {state === 'output-available' && (
        <>
          <span className="rill-tool__label">Output</span>
          <pre className="rill-tool__output" tabIndex={0}>
            {formatValue(part.output)}
          </pre>
        </>
      )}
      {state === 'output-error' && (
        <p className="rill-tool__error" role="alert">
          {part.errorText ?? 'The tool failed.'}
        </p>
      )}
    </div>
  );
}
