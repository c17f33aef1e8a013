import { describe, expect, it } from 'vitest';
import { decodeFixture } from '../../test/provider-fixtures.js';
import { createChatController, storagePersistence, type ChatMessage, type KeyValueStorage } from './index.js';

describe('storagePersistence', () => {
  it('restores answers with sources, citations, files and provider-executed calls (they were dropped as unknown shapes)', async () => {
    const answers = await Promise.all(
      ['gemini-grounding', 'gemini-image', 'openai-responses-web-search', 'anthropic-web-search-citations'].map(
        (name) => decodeFixture(name),
      ),
    );
    const messages: ChatMessage[] = answers.map((message, i) => ({ id: `a${i}`, role: 'assistant', message }));
    const area = new Map<string, string>();
    const persistence = storagePersistence(
      { getItem: (key) => area.get(key) ?? null, setItem: (key, value) => void area.set(key, value) },
      'chat',
    );
    persistence.save(messages);
    expect(persistence.load()).toEqual(JSON.parse(JSON.stringify(messages)));
  });
});

describe('storagePersistence given the storage as a function (server rendering)', () => {
  const saved: ChatMessage[] = [{ id: 'u1', role: 'user', text: 'Hello' }];

  it('reads the storage at each load and save, not when it is created', () => {
    const area = new Map<string, string>();
    const page: { storage?: KeyValueStorage } = {};
    const persistence = storagePersistence(() => page.storage, 'chat');
    page.storage = { getItem: (key) => area.get(key) ?? null, setItem: (key, value) => void area.set(key, value) };
    persistence.save(saved);
    expect(persistence.load()).toEqual(saved);
  });

  it('where there is no storage (undefined, or a global that is not defined), restores nothing and a save throws', () => {
    const missing = (): KeyValueStorage => {
      throw new ReferenceError('localStorage is not defined');
    };
    for (const persistence of [storagePersistence(() => undefined, 'chat'), storagePersistence(missing, 'chat')]) {
      expect(persistence.load()).toBeUndefined();
      expect(() => persistence.save(saved)).toThrow();
    }
  });

  it('a chat created where there is no storage is empty and idle, and a failed save is reported, not thrown', () => {
    const chat = createChatController({
      provider: 'anthropic',
      url: 'https://mock.test/v1/messages',
      model: 'm',
      persistence: storagePersistence(() => undefined, 'chat'),
    });
    expect(chat.getSnapshot()).toMatchObject({ messages: [], status: 'idle' });
    chat.setMessages(saved);
    expect(chat.getSnapshot().persistenceError).toMatchObject({
      kind: 'persistence',
      message: expect.stringContaining('no storage'),
    });
  });
});
