import type { Message, ToolCallPart } from '../message/types.js';
import type { ChatMessage, ChatStatus } from './chat-types.js';
import { isClientCall } from './paused-turn.js';

const UNDECIDED = 'The user stopped or sent a new message without approving this tool call.';

/**
 * The last answer's calls that wait for a decision: the parts say so (a stop or a new send decides them), so they persist.
 *
 * @example pendingApprovals(messages).map((p) => p.toolCallId); // ['call_1']
 */
export function pendingApprovals(committed: ChatMessage[]): ToolCallPart[] {
  const last = committed[committed.length - 1];
  if (last?.role !== 'assistant') return [];
  return last.message.parts.filter((p): p is ToolCallPart => isClientCall(p) && p.state === 'approval-requested');
}

/**
 * The status of a conversation at rest: one saved while waiting for approval (then reloaded) waits again.
 *
 * @example restingStatus(restored); // 'awaiting-approval'
 */
export function restingStatus(committed: ChatMessage[]): ChatStatus {
  return pendingApprovals(committed).length > 0 ? 'awaiting-approval' : 'idle';
}

/**
 * The conversation with its last answer's message replaced (unchanged when the last entry is no answer).
 *
 * @example committed = replaceLast(committed, { ...answer, parts });
 */
export function replaceLast(committed: ChatMessage[], message: Message): ChatMessage[] {
  const last = committed[committed.length - 1];
  if (last?.role !== 'assistant') return committed;
  return [...committed.slice(0, -1), { ...last, message }];
}

/**
 * Rewrites the last answer's client calls; the conversation is replaced only if one changed (snapshots stay shared).
 *
 * @example committed = updateCalls(committed, (p) => (p.toolCallId === id ? { ...p, state: 'input-available' } : p));
 */
export function updateCalls(committed: ChatMessage[], update: (part: ToolCallPart) => ToolCallPart): ChatMessage[] {
  const last = committed[committed.length - 1];
  if (last?.role !== 'assistant') return committed;
  let changed = false;
  const parts = last.message.parts.map((p) => {
    if (!isClientCall(p)) return p;
    const next = update(p);
    changed ||= next !== p;
    return next;
  });
  return changed ? replaceLast(committed, { ...last.message, parts }) : committed;
}

/**
 * A call still waiting is decided by moving on (a stop, a new message): it is refused, and the model is told why.
 *
 * @example committed = denyUndecided(committed);
 */
export function denyUndecided(committed: ChatMessage[]): ChatMessage[] {
  return updateCalls(committed, (p) =>
    p.state === 'approval-requested' ? { ...p, state: 'approval-denied', errorText: UNDECIDED } : p,
  );
}
