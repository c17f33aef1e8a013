import type { ChatMessage } from './chat-types.js';
import type { ChatSession } from './chat-session.js';
import { inFlightAnswer, supersedeInFlight } from './saved-run.js';
import { denyUndecided, restingStatus } from './tool-calls.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Saves the conversation; a storage failure (e.g. a full quota) must not stop it: it is reported on the state and the next save retries.
 *
 * @example save(session);
 */
export function save(s: ChatSession, messages = s.committed): void {
  try {
    s.opts.persistence?.save(messages);
    s.persistenceError = undefined;
  } catch (err) {
    s.persistenceError = {
      kind: 'persistence',
      message: `The conversation could not be saved: ${messageOf(err)}`,
      retryable: true,
    };
  }
}

/**
 * Saves the answer a relay run is writing, with its run, so a reload re-attaches (a full save: only on the run's announcement, a page hide and dispose).
 *
 * @example store.subscribe(() => saveInFlight(session));
 */
export function saveInFlight(s: ChatSession): void {
  const { message, run } = s.store.getSnapshot();
  if (s.turnId === undefined || message === undefined || run === undefined) return;
  save(s, [...s.committed, { id: s.turnId, role: 'assistant', message, run }]);
}

// A conversation saved while a relay run was writing its answer: it shows as saved, `connecting`, until it is re-attached.
function restoreRun(s: ChatSession): void {
  s.pendingRun = inFlightAnswer(s.committed);
  if (s.pendingRun !== undefined) s.status = 'connecting';
}

/** What loading a saved conversation hands back to the controller. */
export interface Restore {
  /** Picks up a restored answer a relay run is still writing. */
  reattach(): void;
  /** Streams the turn of a message sent while loading. */
  runTurn(): void;
  publish(): void;
}

/**
 * Loads the saved conversation (unless `initialMessages` gave one): at once when storage is synchronous; else the
 * session is `loading` and a message sent meanwhile goes after the restored history, its turn waiting for the load.
 *
 * Returns whether there was anything to load.
 *
 * @example if (loadSaved(session, { reattach, runTurn, publish })) session.state = buildState(session);
 */
export function loadSaved(s: ChatSession, then: Restore): boolean {
  const { persistence } = s.opts;
  if (persistence === undefined || s.opts.initialMessages !== undefined) return false;
  let loaded: ReturnType<typeof persistence.load>;
  try {
    loaded = persistence.load();
  } catch {
    // Unreadable storage restores nothing rather than failing the chat's creation.
    loaded = undefined;
  }
  if (loaded instanceof Promise) {
    s.loading = { turnQueued: false };
    s.status = 'loading';
    void loaded.then(
      (saved) => restored(s, saved, then),
      () => restored(s, undefined, then),
    );
  } else if (loaded !== undefined) {
    s.committed = loaded;
    s.status = restingStatus(s.committed);
    restoreRun(s);
  }
  return true;
}

// The restored history goes before anything sent meanwhile; a send made while loading streams now.
function restored(s: ChatSession, saved: ChatMessage[] | undefined, then: Restore): void {
  const waiting = s.loading;
  // An explicit conversation (setMessages) or a disposal since wins over the load.
  if (waiting === undefined) return;
  s.loading = undefined;
  const sent = s.committed;
  s.committed = [...(saved ?? []), ...sent];
  s.status = restingStatus(s.committed);
  if (!waiting.turnQueued) {
    restoreRun(s);
    if (s.listeners.size > 0) then.reattach();
    then.publish();
    return;
  }
  // A message sent while loading goes after an answer a run was writing (that answer ends where it was saved) or waiting for approval.
  s.committed = [...denyUndecided(supersedeInFlight(saved ?? [])), ...sent];
  s.steps = 0;
  save(s);
  then.runTurn();
}
