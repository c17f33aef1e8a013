import type { RillErrorValue } from '../errors.js';
import type { RunHandle } from '../store/run-handle.js';
import type { ChatMessage } from './chat-types.js';
import { onPageHide } from './page-hide.js';

/** A saved answer that a relay run was still writing. */
export type InFlightAnswer = ChatMessage & { role: 'assistant'; run: RunHandle };

const SUPERSEDED: RillErrorValue = {
  kind: 'interrupted',
  message: 'A new message was sent before this answer could be picked up again after the reload.',
  retryable: true,
};

/**
 * The answer a relay run was writing when the conversation was saved, if its last entry is one.
 *
 * @example const pending = inFlightAnswer(persistence.load() ?? []);
 */
export function inFlightAnswer(messages: ChatMessage[]): InFlightAnswer | undefined {
  const last = messages[messages.length - 1];
  return last?.role === 'assistant' && last.run !== undefined && last.message.status === 'streaming'
    ? { ...last, run: last.run }
    : undefined;
}

/**
 * The conversation with its in-flight answer ended `interrupted` where it was saved, its run
 * dropped: a message was sent before the answer could be picked up again.
 *
 * @example committed = [...supersedeInFlight(restored), ...sentWhileLoading];
 */
export function supersedeInFlight(messages: ChatMessage[]): ChatMessage[] {
  const answer = inFlightAnswer(messages);
  if (answer === undefined) return messages;
  const { run: _run, ...kept } = answer;
  return [
    ...messages.slice(0, -1),
    { ...kept, message: { ...answer.message, status: 'interrupted', error: SUPERSEDED } },
  ];
}

/** When the answer a relay run writes is saved with its run. */
export interface RunKeeper {
  /** The turn's run as the stream shows it: saved when it is new or moved (not for each event id), then again on each page hide. */
  seen(run: RunHandle): void;
  /** Whether a run was saved since the last `forget`. */
  readonly saved: boolean;
  /** The run ended (or the controller is gone): stop saving it. */
  forget(): void;
}

/**
 * Saves an in-flight answer (`saveInFlight`, a full save) only when its run is announced or
 * moves and when the page is hidden or unloaded: never per token.
 *
 * @example const keeper = createRunKeeper(saveInFlight); store.subscribe(() => run && keeper.seen(run));
 */
export function createRunKeeper(saveInFlight: () => void): RunKeeper {
  let key: string | undefined;
  let stopListening: (() => void) | undefined;
  return {
    seen(run) {
      const next = JSON.stringify([run.runId, run.resumeUrl, run.stopUrl, run.startId]);
      if (next === key) return;
      key = next;
      saveInFlight();
      stopListening ??= onPageHide(saveInFlight);
    },
    get saved() {
      return key !== undefined;
    },
    forget() {
      key = undefined;
      stopListening?.();
      stopListening = undefined;
    },
  };
}
