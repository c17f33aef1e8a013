import type { ToolCallPart } from '@rill/core';
import { classNames } from '../class-names.js';
import { formatValue } from './format-value.js';

/** What a tool call shows; `awaiting-approval` and `running` split the part's `input-available`. */
export type ToolCallState = 'input-streaming' | 'awaiting-approval' | 'running' | 'output-available' | 'output-error';

/** Props of {@link ToolCall}. */
export interface ToolCallProps {
  /** The tool call part of a `Message`. */
  part: ToolCallPart;
  /** The call waits for the user before it runs: shows Approve / Deny once the input is complete. */
  needsApproval?: boolean;
  /** Called by "Approve". */
  onApprove?(part: ToolCallPart): void;
  /** Called by "Deny". */
  onDeny?(part: ToolCallPart): void;
  className?: string;
}

function toolCallState(part: ToolCallPart, needsApproval: boolean): ToolCallState {
  if (part.state === 'input-available') return needsApproval ? 'awaiting-approval' : 'running';
  return part.state;
}

const STATE_LABELS: Record<ToolCallState, string> = {
  'input-streaming': 'Receiving input',
  'awaiting-approval': 'Awaiting approval',
  running: 'Running',
  'output-available': 'Done',
  'output-error': 'Failed',
};

/**
 * One tool call: its name, the input as it fills (with a busy indicator while it streams), then
 * Approve / Deny, running, the output or the error.
 *
 * @example
 * <ToolCall part={part} needsApproval={part.toolName === 'send_email'} onApprove={approve} onDeny={deny} />
 */
export function ToolCall({ part, needsApproval = false, onApprove, onDeny, className }: ToolCallProps) {
  const state = toolCallState(part, needsApproval);
  const busy = state === 'input-streaming' || state === 'running';
  const input = part.input === undefined ? part.inputText : formatValue(part.input, part.inputText);
  return (
    <div role="group" aria-label={`Tool call: ${part.toolName}`} aria-busy={busy} className={classNames('rill-tool', className)} data-state={state}>
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
      {state === 'awaiting-approval' && (
        <div className="rill-tool__actions">
          <button type="button" className="rill-button rill-button--primary" onClick={() => onApprove?.(part)}>
            Approve
          </button>
          <button type="button" className="rill-button" onClick={() => onDeny?.(part)}>
            Deny
          </button>
        </div>
      )}
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
