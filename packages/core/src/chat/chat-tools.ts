import type { ToolCallPart } from '../message/types.js';
import { finish, publish, type ChatSession } from './chat-session.js';
import { save } from './chat-persistence.js';
import { isClientCall } from './paused-turn.js';
import { needsApproval, runTool } from './run-tool.js';
import { pendingApprovals, replaceLast, updateCalls } from './tool-calls.js';

const DENIED = 'The user denied this tool call.';

/** A chat's client tools: the calls that run, the approvals they wait for, and what comes after them. */
export interface ToolLoop {
  /** Asks for approval on the calls that need it, starts every other open call not running yet; once none runs, waits for approvals or streams the next turn. */
  resolve(): void;
  /** Approves or refuses a call waiting for approval; anything else (a second click, a stopped turn) is ignored. */
  decide(toolCallId: string, decision: { approved: boolean; reason?: string }): void;
  /** Whether tool calls run now. */
  readonly running: boolean;
  /** Aborts the calls that run; their results, when they come, are dropped. */
  abort(): void;
  /** Forgets the approvals given (a new send or regeneration starts afresh). */
  forgetApprovals(): void;
}

/**
 * Creates the tool loop of a session; `nextTurn` streams the turn that answers the results.
 *
 * @example const tools = createToolLoop(session, () => turns.run());
 */
export function createToolLoop(s: ChatSession, nextTurn: () => void): ToolLoop {
  // Set while tool calls run; `running` holds their ids, so a later approval never starts one twice.
  let tools: AbortController | undefined;
  const running = new Set<string>();
  // Calls the user approved: they run like calls that need no approval.
  const approved = new Set<string>();

  const resolve = (): void => {
    s.committed = updateCalls(s.committed, (p) =>
      p.state === 'input-available' &&
      !approved.has(p.toolCallId) &&
      !running.has(p.toolCallId) &&
      needsApproval(s.opts.tools?.[p.toolName], p.input)
        ? { ...p, state: 'approval-requested' }
        : p,
    );
    const last = s.committed[s.committed.length - 1];
    if (last?.role !== 'assistant') return;
    const open = last.message.parts.filter(
      (p): p is ToolCallPart => isClientCall(p) && (p.state === 'input-available' || p.state === 'approval-requested'),
    );
    const runnable = open.filter((p) => p.state === 'input-available' && !running.has(p.toolCallId));
    if (runnable.length > 0) {
      void run(runnable);
      return;
    }
    // Calls still running call this again when they settle; a decision taken meanwhile shows now.
    if (running.size > 0) {
      publish(s);
      return;
    }
    if (open.length > 0) {
      s.status = 'awaiting-approval';
      save(s);
      publish(s);
    } else if (s.steps >= (s.opts.maxSteps ?? 5)) {
      finish(s, 'done');
    } else {
      save(s);
      nextTurn();
    }
  };

  const run = async (calls: ToolCallPart[]): Promise<void> => {
    const controller = (tools ??= new AbortController());
    for (const p of calls) running.add(p.toolCallId);
    s.status = 'running-tools';
    publish(s);
    const settled = await Promise.all(calls.map((p) => runTool(p, s.opts.tools?.[p.toolName], controller.signal)));
    // A stop, send or replacement since (each clears `tools`) dropped these results.
    if (tools !== controller) return;
    for (const p of settled) running.delete(p.toolCallId);
    const byId = new Map(settled.map((p) => [p.toolCallId, p]));
    const current = s.committed[s.committed.length - 1];
    if (current?.role !== 'assistant') return;
    s.committed = replaceLast(s.committed, {
      ...current.message,
      parts: current.message.parts.map((p) => (p.type === 'tool-call' ? (byId.get(p.toolCallId) ?? p) : p)),
    });
    if (running.size > 0) {
      publish(s);
      return;
    }
    tools = undefined;
    resolve();
  };

  return {
    resolve,
    decide(toolCallId, decision) {
      // A second click, or a call already decided, running, stopped or unknown, is not a new decision.
      if (!pendingApprovals(s.committed).some((p) => p.toolCallId === toolCallId)) return;
      if (decision.approved) approved.add(toolCallId);
      const decided: Pick<ToolCallPart, 'state' | 'errorText'> = decision.approved
        ? { state: 'input-available' }
        : { state: 'approval-denied', errorText: decision.reason ?? DENIED };
      s.committed = updateCalls(s.committed, (p) => (p.toolCallId === toolCallId ? { ...p, ...decided } : p));
      resolve();
    },
    get running() {
      return tools !== undefined;
    },
    abort() {
      tools?.abort();
      tools = undefined;
      running.clear();
    },
    forgetApprovals() {
      approved.clear();
    },
  };
}
