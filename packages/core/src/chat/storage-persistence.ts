import { isRunHandle } from '../store/run-handle.js';
import type { ChatMessage, ChatPersistence } from './chat-types.js';

/** The part of the Web Storage API a persistence adapter needs (`localStorage` fits). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const MESSAGE_STATUSES: ReadonlySet<unknown> = new Set(['streaming', 'done', 'interrupted', 'error', 'aborted']);
const TOOL_STATES: ReadonlySet<unknown> = new Set([
  'input-streaming',
  'input-available',
  'approval-requested',
  'approval-denied',
  'output-available',
  'output-error',
]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isPart = (part: unknown): boolean => {
  if (!isRecord(part)) return false;
  if (part.type === 'text' || part.type === 'reasoning')
    return typeof part.text === 'string' && (part.citations === undefined || Array.isArray(part.citations));
  if (part.type === 'source')
    return typeof part.id === 'string' && (part.sourceType === 'url' || part.sourceType === 'document');
  if (part.type === 'file') return typeof part.id === 'string' && typeof part.mediaType === 'string';
  return (
    part.type === 'tool-call' &&
    typeof part.toolCallId === 'string' &&
    typeof part.toolName === 'string' &&
    typeof part.inputText === 'string' &&
    TOOL_STATES.has(part.state)
  );
};

// Stored data may be stale or edited: an entry a render or the next request would trip over is not restored.
const isChatMessage = (entry: unknown): entry is ChatMessage => {
  if (!isRecord(entry) || typeof entry.id !== 'string') return false;
  if (entry.role === 'user') return typeof entry.text === 'string';
  const { message } = entry;
  const run = entry.run === undefined || isRunHandle(entry.run);
  return (
    entry.role === 'assistant' &&
    run &&
    isRecord(message) &&
    message.role === 'assistant' &&
    MESSAGE_STATUSES.has(message.status) &&
    Array.isArray(message.parts) &&
    message.parts.every(isPart)
  );
};

/**
 * Keeps a conversation in a Web Storage area under `key` (one key per conversation, with the relay
 * run of an answer still being written, if any), so a reload restores it and re-attaches; unreadable
 * data is ignored rather than thrown, and stored entries that are not chat messages are dropped.
 * A failing `setItem` (e.g. `QuotaExceededError`) throws from `save`, which the chat controller
 * reports as `ChatState.persistenceError`.
 *
 * Give the storage as a function (`() => localStorage`) where the code also runs on a server: it is
 * read at each load and save, never at creation, so where there is none (it throws or gives
 * `undefined`) nothing is restored, and a save throws (reported, as above).
 *
 * @example useChat({ ...options, persistence: storagePersistence(() => localStorage, 'chat:support') });
 */
export function storagePersistence(
  storage: KeyValueStorage | (() => KeyValueStorage | undefined),
  key: string,
): ChatPersistence {
  const area = typeof storage === 'function' ? storage : () => storage;
  return {
    load() {
      try {
        const saved: unknown = JSON.parse(area()?.getItem(key) ?? 'null');
        return Array.isArray(saved) ? saved.filter(isChatMessage) : undefined;
      } catch {
        return undefined;
      }
    },
    save(messages) {
      const available = area();
      if (available === undefined) throw new Error('there is no storage here');
      available.setItem(key, JSON.stringify(messages));
    },
  };
}
