import { storagePersistence, type ChatPersistence, type KeyValueStorage } from '@rill/core';

/** sessionStorage when the page may use it (sandboxed frames and some privacy modes throw), else memory. */
function sessionArea(): KeyValueStorage {
  try {
    const area = window.sessionStorage;
    area.getItem('rill-widget');
    return area;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (key) => memory.get(key) ?? null, setItem: (key, value) => void memory.set(key, value) };
  }
}

/**
 * Keeps a widget's conversation for the tab's session (a reload restores it, a new tab starts
 * fresh); a full or refused storage area never breaks the chat.
 *
 * @example useChat({ ...options, persistence: sessionPersistence('rill-widget:/api/chat') });
 */
export function sessionPersistence(key: string): ChatPersistence {
  const area = sessionArea();
  const stored = storagePersistence(area, key);
  return {
    load: stored.load,
    save(messages) {
      try {
        stored.save(messages);
      } catch {
        // Over quota: the conversation still works, it just will not survive a reload.
      }
    },
  };
}
