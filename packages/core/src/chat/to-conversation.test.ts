import { describe, expect, it } from 'vitest';
import type { Message, ToolCallPart } from '../message/index.js';
import type { ChatMessage } from './index.js';
import { toConversation } from './to-conversation.js';

const search = (state: ToolCallPart['state']): ToolCallPart => ({
  type: 'tool-call',
  toolCallId: `s-${state}`,
  toolName: 'web_search',
  inputText: '{}',
  input: {},
  state,
  ...(state === 'output-available' && { output: [] }),
  providerExecuted: true,
});
const answer = (parts: Message['parts']): ChatMessage => ({
  id: 'a',
  role: 'assistant',
  message: { role: 'assistant', status: 'done', parts },
});

describe('toConversation', () => {
  it("keeps the provider's calls in the assistant turn without tool results; an unanswered one only in the last turn", () => {
    const open = answer([search('output-available'), search('input-available')]);
    expect(toConversation([{ id: 'u', role: 'user', text: 'Go' }, open])).toEqual([
      { role: 'user', content: 'Go' },
      { role: 'assistant', parts: [search('output-available'), search('input-available')] },
    ]);
    expect(
      toConversation([{ id: 'u', role: 'user', text: 'Go' }, open, { id: 'u2', role: 'user', text: 'And?' }]),
    ).toEqual([
      { role: 'user', content: 'Go' },
      { role: 'assistant', parts: [search('output-available')] },
      { role: 'user', content: 'And?' },
    ]);
  });
});
