import type { RequestBody, ToolDefinition } from '../providers/request/conversation.js';
import { toProviderRequest } from '../providers/request/to-provider-request.js';
import type { StreamState } from '../store/stream-state.js';
import { save } from './chat-persistence.js';
import { finish, withTurn, type ChatSession } from './chat-session.js';
import { isClientCall, pausedTurn } from './paused-turn.js';
import { toolJSONSchema } from './tool-schema.js';
import { toConversation } from './to-conversation.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** A chat's turn loop: each turn's request, the answer it streams, and what follows it. */
export interface TurnLoop {
  /** Streams a turn for the conversation as it stands; `continuation`: the turn finishes the last answer, which the provider paused. */
  run(continuation?: boolean): void;
  /** The stream store's end of a turn: commits the answer, then continues a paused one, runs its tool calls or ends the conversation's loop. */
  ended(final: StreamState): void;
  /** Picks a restored answer up where its run stands (the same message id, continued). */
  reattach(): void;
}

/**
 * Creates the turn loop of a session; `toolCalls` runs the client calls a turn ended with.
 *
 * @example const turns = createTurnLoop(session, () => tools.resolve());
 */
export function createTurnLoop(s: ChatSession, toolCalls: () => void): TurnLoop {
  const toolDefinitions = (): ToolDefinition[] | undefined => {
    const entries = Object.entries(s.opts.tools ?? {});
    if (entries.length === 0) return undefined;
    return entries.map(([name, tool]) => ({
      name,
      ...(tool.description !== undefined && { description: tool.description }),
      inputSchema: toolJSONSchema(name, tool.inputSchema),
    }));
  };

  const run = (continuation = false): void => {
    s.continuing = continuation;
    s.steps += 1;
    s.failure = undefined;
    const { provider, model, system, maxTokens, temperature, reasoning } = s.opts;
    let body: RequestBody;
    try {
      // A tool whose schema gives no JSON Schema fails here too, as an invalid request.
      const definitions = toolDefinitions();
      body = toProviderRequest(provider, {
        model,
        messages: toConversation(s.committed),
        ...(system !== undefined && { system }),
        ...(maxTokens !== undefined && { maxTokens }),
        ...(temperature !== undefined && { temperature }),
        ...(reasoning !== undefined && { reasoning }),
        ...(definitions !== undefined && { tools: definitions }),
      });
    } catch (err) {
      // History no request can carry (e.g. a BigInt given in `setMessages`) ends the turn as an error instead of throwing.
      s.failure = {
        kind: 'invalid-request',
        message: `The conversation could not be turned into a request: ${messageOf(err)}`,
        retryable: false,
      };
      finish(s, 'error');
      return;
    }
    s.turnId = s.newId();
    s.store.start(body);
  };

  return {
    run,
    ended(final) {
      if (s.turnId === undefined || final.message === undefined) return;
      s.lastMetrics = final.metrics;
      s.committed = withTurn(s, final.message, final.metrics, s.turnId);
      s.turnId = undefined;
      const answer = s.committed.at(-1);
      const message = answer?.role === 'assistant' ? answer.message : final.message;
      const hasCalls =
        final.status === 'done' && message.parts.some((p) => isClientCall(p) && p.state === 'input-available');
      s.status = final.status;
      const runSaved = s.keeper.saved;
      s.keeper.forget();
      // A paused answer is sent back to be finished, as the provider asks, within maxSteps.
      if (pausedTurn(final.message) && s.steps < (s.opts.maxSteps ?? 5)) {
        save(s);
        run(true);
      } else if (hasCalls && s.opts.tools !== undefined) {
        // The saved run is over: a reload while the tools run must not pick it up again.
        if (runSaved) save(s);
        toolCalls();
      } else finish(s, final.status);
    },
    reattach() {
      const saved = s.pendingRun;
      if (saved === undefined) return;
      s.pendingRun = undefined;
      s.committed = s.committed.slice(0, -1);
      s.turnId = saved.id;
      s.steps = 1;
      s.store.attach(saved.run, saved.message);
    },
  };
}
