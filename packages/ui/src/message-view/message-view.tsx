'use client';

import type { ChatController, ChatState, Message, Part, ToolCallPart } from '@rill/core';
import { memo, useId, useMemo } from 'react';
import { CitedText } from '../cited-text/index.js';
import { classNames } from '../class-names.js';
import { GeneratedFile } from '../files/index.js';
import { Interrupted } from '../interrupted/index.js';
import { PlainTextFallback } from '../markdown/plain-text-fallback.js';
import { ProviderToolCall } from '../provider-tool/index.js';
import { Reasoning } from '../reasoning/index.js';
import { SourceList } from '../sources/index.js';
import { ToolCall } from '../tool-call/index.js';
import { messageBlocks } from './message-blocks.js';

/** What {@link MessageView} uses of a chat: `useChat`'s result (or a chat controller's state and methods) fits. */
export type MessageViewChat = Pick<ChatState, 'messages'> & Pick<ChatController, 'approve' | 'deny' | 'regenerate'>;

/** Props of {@link MessageView}. */
export interface MessageViewProps {
  /** Any assistant `Message` snapshot. */
  message: Message;
  /**
   * The chat the message belongs to: Approve / Deny on its `approval-requested` tool calls call
   * `chat.approve` / `chat.deny`, and Retry on its last answer (interrupted or failed) calls `chat.regenerate`.
   */
  chat?: MessageViewChat | undefined;
  /** Called by "Approve" instead of `chat.approve`. */
  onApprove?: ((part: ToolCallPart) => void) | undefined;
  /** Called by "Deny" instead of `chat.deny`. */
  onDeny?: ((part: ToolCallPart) => void) | undefined;
  /** Offered on an interrupted or failed message (instead of the chat's Retry, and on any message). */
  onRetry?: (() => void) | undefined;
  /** Syntax-highlight fenced code in the text (default true; `false` shows it plain, and Shiki never loads), as with `Markdown`. */
  highlight?: boolean | undefined;
  className?: string | undefined;
}

/** The answer `chat` would retry: its last entry's, if that is an answer. */
const lastAnswer = (chat: MessageViewChat | undefined): Message | undefined => {
  const last = chat?.messages.at(-1);
  return last?.role === 'assistant' ? last.message : undefined;
};

// `useChat` returns a new object each render: a message re-renders only when what it uses of the chat changes.
// It runs for every message of a conversation on every frame of an answer, so it allocates nothing.
function sameProps(prev: MessageViewProps, next: MessageViewProps): boolean {
  for (const key in prev)
    if (key !== 'chat' && !Object.is(prev[key as keyof MessageViewProps], next[key as keyof MessageViewProps]))
      return false;
  for (const key in next)
    if (key !== 'chat' && !(key in prev) && next[key as keyof MessageViewProps] !== undefined) return false;
  const a = prev.chat;
  const b = next.chat;
  if (a === undefined || b === undefined) return a === b;
  return (
    a.approve === b.approve &&
    a.deny === b.deny &&
    a.regenerate === b.regenerate &&
    (lastAnswer(a) === prev.message) === (lastAnswer(b) === next.message)
  );
}

/**
 * Renders every part of a `Message` in order (text as streaming Markdown with its citation
 * markers, reasoning, tool calls, tools the provider ran as cards of their own, generated images),
 * the sources it cites, then the notice its ending calls for: interrupted (the partial answer is
 * kept), error, stopped.
 * Given the `chat`, tool calls waiting for approval offer Approve / Deny and the last answer Retry.
 * Memoised: a message whose snapshot and callbacks are unchanged does not re-render while another
 * one streams (the `chat` object may change every render), so pass stable callbacks.
 *
 * @example
 * {chat.messages.map((m) => (m.role === 'user' ? <p key={m.id}>{m.text}</p> : <MessageView key={m.id} message={m.message} chat={chat} />))}
 */
export const MessageView = memo(function MessageView({
  message,
  chat,
  onApprove: approveProp,
  onDeny: denyProp,
  onRetry: retryProp,
  highlight,
  className,
}: MessageViewProps) {
  const onApprove = approveProp ?? (chat && ((part: ToolCallPart) => chat.approve(part.toolCallId)));
  const onDeny = denyProp ?? (chat && ((part: ToolCallPart) => chat.deny(part.toolCallId)));
  const onRetry = retryProp ?? (chat && lastAnswer(chat) === message ? chat.regenerate : undefined);
  const streaming = message.status === 'streaming';
  const { blocks, sources, streamingIndex } = useMemo(() => messageBlocks(message.parts), [message.parts]);
  // The sources list's entries are what a citation marker of a source without a web page points at.
  const sourceListId = `rill-sources-${useId().replace(/[^\w-]/g, '')}`;
  return (
    <article
      className={classNames('rill-message', className)}
      data-state={message.status}
      aria-busy={streaming}
      aria-label="Assistant message"
    >
      {blocks.map((block) =>
        // One part that cannot render (a malformed restored message, a throwing custom renderer) must not take the page down.
        block.kind === 'text' ? (
          <PlainTextFallback
            key={block.key}
            text={block.parts.map((p) => String(p.text)).join('')}
            streaming={streaming && block.last === streamingIndex}
          >
            <CitedText
              parts={block.parts}
              sources={sources}
              sourceListId={sourceListId}
              streaming={streaming && block.last === streamingIndex}
              highlight={highlight}
            />
          </PlainTextFallback>
        ) : (
          <PlainTextFallback
            key={block.key}
            text={partText(block.part)}
            streaming={streaming && block.index === streamingIndex}
          >
            <PartView
              part={block.part}
              parts={message.parts}
              streaming={streaming && block.index === streamingIndex}
              onApprove={onApprove}
              onDeny={onDeny}
            />
          </PlainTextFallback>
        ),
      )}
      <SourceList sources={sources} idPrefix={sourceListId} />
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
}, sameProps);

/** What a part shows as plain text when it cannot be rendered (redacted reasoning shows nothing). */
function partText(part: Part): string {
  switch (part.type) {
    case 'reasoning':
      return part.redacted ? '' : String(part.text);
    case 'tool-call':
      return `${String(part.toolName)}: ${String(part.inputText)}`;
    default:
      return '';
  }
}

/** An image's alt text: what the image tool was asked for (OpenAI's revised prompt), if the call that made it says. */
function imageAlt(toolCallId: string | undefined, parts: readonly Part[]): string | undefined {
  const call =
    toolCallId === undefined
      ? undefined
      : parts.find((p): p is ToolCallPart => p.type === 'tool-call' && p.toolCallId === toolCallId);
  const output = call?.output;
  const prompt =
    output !== null && typeof output === 'object' ? (output as Record<string, unknown>)['revised_prompt'] : undefined;
  return typeof prompt === 'string' && prompt !== '' ? `Generated image: ${prompt}` : undefined;
}

function PartView({
  part,
  parts,
  streaming,
  onApprove,
  onDeny,
}: { part: Exclude<Part, { type: 'text' | 'source' }>; parts: readonly Part[]; streaming: boolean } & Pick<
  MessageViewProps,
  'onApprove' | 'onDeny'
>) {
  switch (part.type) {
    case 'reasoning':
      return <Reasoning part={part} streaming={streaming} />;
    case 'tool-call':
      return part.providerExecuted ? (
        <ProviderToolCall part={part} />
      ) : (
        <ToolCall part={part} onApprove={onApprove} onDeny={onDeny} />
      );
    case 'file':
      return <GeneratedFile part={part} alt={imageAlt(part.toolCallId, parts)} />;
  }
}
