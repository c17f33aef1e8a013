import type { Message } from '@rill/core';
import { Conversation, MessageView } from '@rill/ui';
import { createContext, useContext, useEffect } from 'react';

/** `?highlight=off` shows code plain in every variant: what syntax highlighting costs is the difference. */
export const highlight = new URLSearchParams(location.search).get('highlight') !== 'off';

/** Told once the first token is on screen, whichever variant put it there. */
export const FirstTokenContext = createContext<() => void>(() => undefined);

/** The view all three variants render, so only how state reaches React differs between them. */
export function BenchConversation({ message }: { message: Message | undefined }) {
  const onFirstToken = useContext(FirstTokenContext);
  const shown = message !== undefined;
  useEffect(() => {
    if (shown) onFirstToken();
  }, [shown, onFirstToken]);
  return (
    <Conversation>
      <p>go</p>
      {message && <MessageView message={message} highlight={highlight} />}
    </Conversation>
  );
}

/** Props every variant takes: the stream's pace and a callback with the final text. */
export interface VariantProps {
  pace: { rate: number; seconds: number };
  onDone(text: string): void;
}
