import type { ChatMessage, ChatPersistence } from './chat-types.js';

/** The part of the Web Storage API a persistence adapter needs (`localStorage` fits). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Keeps a conversation in a Web Storage area under `key`, so a reload restores it; unreadable
 * data is ignored rather than thrown.
 *
 * @example createChatController({ ...options, persistence: storagePersistence(localStorage, 'chat:support') });
 */
export function storagePersistence(storage: KeyValueStorage, key: string): ChatPersistence {
  return {
    load() {
      try {
        const saved: unknown = JSON.parse(storage.getItem(key) ?? 'null');
        return Array.isArray(saved) ? (saved as ChatMessage[]) : undefined;
      } catch {
        return undefined;
      }
    },
    save(messages) {
      storage.setItem(key, JSON.stringify(messages));
    },
  };
}
