'use client';

import type { ReactNode } from 'react';
import { classNames } from '../class-names.js';
import { MessageGroups } from './message-groups.js';
import { useStickToBottom } from './use-stick-to-bottom.js';

/** Props of {@link Conversation}. */
export interface ConversationProps {
  /** The messages, oldest first. */
  children: ReactNode;
  /** The accessible name of the log (default "Conversation"). */
  label?: string | undefined;
  className?: string | undefined;
}

/**
 * The scrolling message log (`role="log"`, a polite live region). It sticks to the bottom as
 * messages stream, unless the user scrolled up: then a "Jump to latest" button appears. A long
 * conversation stays cheap: messages before the newest 16 re-render only when they change, and the
 * browser skips them while off screen (they stay in find-in-page and the accessibility tree).
 *
 * @example
 * <Conversation>{messages.map((m) => <MessageView key={m.id} message={m} />)}</Conversation>
 */
export function Conversation({ children, label = 'Conversation', className }: ConversationProps) {
  const { scrollRef, contentRef, unseen, onScroll, jumpToLatest } = useStickToBottom();
  return (
    <div className={classNames('rill-conversation', className)} data-state={unseen ? 'scrolled-up' : 'following'}>
      <div
        ref={scrollRef}
        className="rill-conversation__scroll"
        role="log"
        aria-live="polite"
        aria-label={label}
        tabIndex={0}
        onScroll={onScroll}
      >
        <div ref={contentRef} className="rill-conversation__content">
          <MessageGroups>{children}</MessageGroups>
        </div>
      </div>
      {unseen && (
        <button type="button" className="rill-button rill-conversation__jump" onClick={jumpToLatest}>
          Jump to latest
        </button>
      )}
    </div>
  );
}
