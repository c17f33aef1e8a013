import { describe, expect, it } from 'vitest';
import { decodeFixture } from '../../test/provider-fixtures.js';
import { storagePersistence, type ChatMessage } from './index.js';

describe('storagePersistence', () => {
  it('restores answers with sources, citations, files and provider-executed calls (they were dropped as unknown shapes)', async () => {
    const answers = await Promise.all(['gemini-grounding', 'gemini-image', 'openai-responses-web-search', 'anthropic-web-search-citations'].map((name) => decodeFixture(name)));
    const messages: ChatMessage[] = answers.map((message, i) => ({ id: `a${i}`, role: 'assistant', message }));
    const area = new Map<string, string>();
    const persistence = storagePersistence({ getItem: (key) => area.get(key) ?? null, setItem: (key, value) => void area.set(key, value) }, 'chat');
    persistence.save(messages);
    expect(persistence.load()).toEqual(JSON.parse(JSON.stringify(messages)));
  });
});
