'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

// Within this many pixels of the bottom counts as "at the bottom" (sub-pixel scroll positions).
const THRESHOLD_PX = 32;

/**
 * Keeps a scroll container at its bottom as its content grows, unless the user scrolled up;
 * `unseen` is then true while there is content below, and `jumpToLatest()` scrolls back and
 * sticks again.
 *
 * @example
 * const { scrollRef, contentRef, unseen, jumpToLatest } = useStickToBottom();
 */
export function useStickToBottom(): {
  scrollRef: RefObject<HTMLDivElement | null>;
  contentRef: RefObject<HTMLDivElement | null>;
  unseen: boolean;
  onScroll(): void;
  jumpToLatest(): void;
} {
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const [unseen, setUnseenState] = useState(false);
  const unseenRef = useRef(false);
  // Scroll events fire every frame while following: only a real change may cost a React commit.
  const setUnseen = useCallback((value: boolean) => {
    if (unseenRef.current === value) return;
    unseenRef.current = value;
    setUnseenState(value);
  }, []);

  const follow = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (stuck.current) el.scrollTop = el.scrollHeight;
    else if (el.scrollHeight - el.clientHeight - el.scrollTop > THRESHOLD_PX) setUnseen(true);
  }, [setUnseen]);

  // After every commit: the content may have grown through props.
  useLayoutEffect(follow);

  // Content that grows on its own (smoothed text, images) is followed too.
  useEffect(() => {
    const content = contentRef.current;
    if (!content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(follow);
    observer.observe(content);
    return () => observer.disconnect();
  }, [follow]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.clientHeight - el.scrollTop <= THRESHOLD_PX;
    stuck.current = atBottom;
    if (atBottom) setUnseen(false);
  }, [setUnseen]);

  const jumpToLatest = useCallback(() => {
    const el = scrollRef.current;
    stuck.current = true;
    setUnseen(false);
    if (el) el.scrollTop = el.scrollHeight;
  }, [setUnseen]);

  return { scrollRef, contentRef, unseen, onScroll, jumpToLatest };
}
