import type { Message, Part, ToolCallPart } from '@rill/core';
import { memo } from 'react';
import { classNames } from '../class-names.js';
import { Interrupted } from '../interrupted/index.js';
import { Markdown } from '../markdown/index.js';
import { PlainTextFallback } from '../markdown/plain-text-fallback.js';
import { Reasoning } from '../reasoning/index.js';
import { ToolCall } from '../tool-call/index.js';

/** Props of {@link MessageView}. */
export interface MessageViewProps {
  /** Any assistant `Message` snapshot. */
  message: Message;
  /** Tool calls for which this returns true wait for Approve / Deny. */
  needsApproval?(part: ToolCallPart): boolean;
  onApprove?(part: ToolCallPart): void;
  onDeny?(part: ToolCallPart): void;
  /** Offered on an interrupted or failed message. */
  onRetry?(): void;
  className?: string;
}

/**
 * Renders every part of a `Message` in order (text as streaming Markdown, reasoning, tool calls),
 * then the notice its ending calls for: interrupted (the partial answer is kept), error, stopped.
 * Memoised: a message whose snapshot and callbacks are unchanged does not re-render while another
 * one streams, so pass stable callbacks.
 *
 * @example
 * <MessageView message={stream.message} onRetry={stream.retry} />
 */
export const MessageView = memo(function MessageView({ message, needsApproval, onApprove, onDeny, onRetry, className }: MessageViewProps) {
  const streaming = message.status === 'streaming';
  const last = message.parts.length - 1;
  return (
    <article className={classNames('rill-message', className)} data-state={message.status} aria-busy={streaming} aria-label="Assistant message">
      {message.parts.map((part, i) => (
        // One part that cannot render (a malformed restored message, a throwing custom renderer) must not take the page down.
        <PlainTextFallback key={partKey(part, i)} text={partText(part)} streaming={streaming && i === last}>
          <PartView part={part} streaming={streaming && i === last} needsApproval={needsApproval} onApprove={onApprove} onDeny={onDeny} />
        </PlainTextFallback>
      ))}
      {message.status === 'interrupted' && <Interrupted error={message.error} onRetry={onRetry} />}
      {message.status === 'error' && (
        <div className="rill-message__error" role="alert">
          <p>{message.error?.message ?? 'The answer failed.'}</p>
          {onRetry && message.error?.retryable !== false && (
            <button type="button" className="rill-button" onClick={onRetry}>
              Retry
            </button>
          )}
        </div>
      )}
      {message.status === 'aborted' && <p className="rill-message__note">Stopped.</p>}
    </article>
  );
});

function partKey(part: Part, index: number): string {
  return part.type === 'tool-call' ? part.toolCallId : `${part.type}-${index}`;
}

/** What a part shows as plain text when it cannot be rendered (redacted reasoning shows nothing). */
function partText(part: Part): string {
  switch (part.type) {
    case 'text':
      return String(part.text);
    case 'reasoning':
      return part.redacted ? '' : String(part.text);
    case 'tool-call':
      return `${String(part.toolName)}: ${String(part.inputText)}`;
    default:
      return '';
  }
}

function PartView({ part, streaming, needsApproval, onApprove, onDeny }: { part: Part; streaming: boolean } & Pick<MessageViewProps, 'needsApproval' | 'onApprove' | 'onDeny'>) {
  switch (part.type) {
    case 'text':
      return <Markdown text={part.text} streaming={streaming} />;
    case 'reasoning':
      return <Reasoning part={part} streaming={streaming} />;
    case 'tool-call':
      return <ToolCall part={part} needsApproval={needsApproval?.(part) ?? false} onApprove={onApprove} onDeny={onDeny} />;
  }
}
