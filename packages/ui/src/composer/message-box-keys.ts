'use client';

import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

/**
 * Whether a keydown in a chat's message box should send: Enter without Shift, and not the Enter
 * that confirms an IME composition (Safari sends that one after compositionend, with keyCode 229).
 *
 * @example <textarea onKeyDown={(e) => isSendKey(e) && send()} />
 */
export function isSendKey(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229;
}

/** Handlers for the Stop button of a message box; see {@link useStopFocusReturn}. */
export interface StopFocusHandlers {
  onFocus(): void;
  onBlur(event: FocusEvent<HTMLButtonElement>): void;
}

/**
 * Stop disappears when the answer ends, and focus on it would fall to `<body>`: this moves it to
 * the message box instead, if it was on Stop and has not moved elsewhere since.
 *
 * @example
 * const stopFocus = useStopFocusReturn(busy, inputRef);
 * <StopButton onStop={stop} {...stopFocus} />
 */
export function useStopFocusReturn(busy: boolean, input: RefObject<HTMLTextAreaElement | null>): StopFocusHandlers {
  // Whether keyboard focus was last on Stop and has not moved to another element since.
  const stopFocused = useRef(false);
  useLayoutEffect(() => {
    if (busy || !stopFocused.current) return;
    stopFocused.current = false;
    const page = input.current?.ownerDocument;
    if (page && (page.activeElement === null || page.activeElement === page.body)) input.current?.focus();
  }, [busy, input]);
  return {
    onFocus: () => (stopFocused.current = true),
    // A blur with no new target (Stop being removed, or a click on the page) keeps the mark.
    onBlur: (event) => {
      if (event.relatedTarget !== null) stopFocused.current = false;
    },
  };
}
