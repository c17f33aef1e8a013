import type { Message, Part, ToolCallPart, Usage } from '../message/types.js';

/**
 * A tool call the client runs: not one the provider ran itself (those come with their results).
 *
 * @example message.parts.filter(isClientCall).filter((p) => p.state === 'input-available');
 */
export function isClientCall(part: Part): part is ToolCallPart {
  return part.type === 'tool-call' && part.providerExecuted !== true;
}

/**
 * Whether the provider paused the answer and asks for it to be continued (Anthropic's
 * `pause_turn`, when a server tool runs long): the chat sends it back to be finished.
 *
 * @example if (pausedTurn(message)) continueTheTurn();
 */
export function pausedTurn(message: Message): boolean {
  return message.status === 'done' && message.rawFinishReason === 'pause_turn';
}

const addUsage = (a: Usage | undefined, b: Usage | undefined): Usage | undefined => {
  if (a === undefined || b === undefined) return b ?? a;
  const sum = (x: number | undefined, y: number | undefined): number | undefined =>
    x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0);
  return Object.fromEntries(
    Object.entries({
      inputTokens: sum(a.inputTokens, b.inputTokens),
      outputTokens: sum(a.outputTokens, b.outputTokens),
      cachedInputTokens: sum(a.cachedInputTokens, b.cachedInputTokens),
      reasoningTokens: sum(a.reasoningTokens, b.reasoningTokens),
    }).filter(([, v]) => v !== undefined),
  );
};

/**
 * A paused answer and its continuation as one message: a call the paused answer left open takes
 * the result the continuation brings for it (the continuation names only its id), everything else
 * the continuation says is appended. The ending (status, finish reason, error) is the
 * continuation's; usage adds up, as both requests are billed; ignored counts add up.
 *
 * @example continueAnswer(paused, continuation).parts; // paused parts, the open search answered, then the new parts
 */
export function continueAnswer(paused: Message, continuation: Message): Message {
  const open = new Map(
    paused.parts.flatMap((p, i) =>
      p.type === 'tool-call' && p.providerExecuted && p.output === undefined ? [[p.toolCallId, i] as const] : [],
    ),
  );
  const parts = paused.parts.slice();
  for (const part of continuation.parts) {
    const at = part.type === 'tool-call' ? open.get(part.toolCallId) : undefined;
    const call = at === undefined ? undefined : parts[at];
    if (part.type !== 'tool-call' || at === undefined || call?.type !== 'tool-call') {
      parts.push(part);
      continue;
    }
    const { state, output, errorText, providerData } = part;
    parts[at] = {
      ...call,
      state,
      output,
      ...(errorText !== undefined && { errorText }),
      providerData: { ...call.providerData, ...providerData },
    };
  }
  const ignored = { ...paused.metadata?.ignored };
  for (const [what, count] of Object.entries(continuation.metadata?.ignored ?? {}))
    ignored[what] = (ignored[what] ?? 0) + count;
  const usage = addUsage(paused.usage, continuation.usage);
  const { usage: _usage, metadata: _metadata, ...ending } = continuation;
  return {
    ...ending,
    ...(paused.id !== undefined && { id: paused.id }),
    parts,
    ...(usage !== undefined && { usage }),
    ...(Object.keys(ignored).length > 0 && { metadata: { ignored } }),
  };
}
