import type { RillErrorValue } from '../errors.js';
import type { Message, ProviderName, ToolCallPart } from '../message/types.js';
import type { StreamMetrics } from '../metrics/stream-metrics.js';
import type { ReasoningOptions } from '../providers/request/conversation.js';
import type { Throttle } from '../store/frame-scheduler.js';
import type { HttpSourceOptions } from '../store/http-source.js';
import type { RunHandle } from '../store/run-handle.js';
import type { ReconnectState, StreamStatus } from '../store/stream-state.js';
import type { InferToolInput } from './tool-schema.js';

/**
 * One entry of a conversation: what the user typed, or an assistant message as decoded, with the
 * metrics of the turn that streamed it (absent on messages given by `initialMessages` or `setMessages`
 * without them). `run` is set only in what is saved while a relay run is still writing the answer
 * (its `message` is `streaming`): a controller that loads it re-attaches to the run.
 */
export type ChatMessage =
  | { id: string; role: 'user'; text: string }
  | { id: string; role: 'assistant'; message: Message; metrics?: StreamMetrics; run?: RunHandle };

// Method-style parameters, so a tool with a typed input is still a `ChatTool` (as `execute` is).
type Bivariant<Input> = { check(input: Input): boolean }['check'];

/**
 * A tool the browser runs when the model calls it. `S` is its `inputSchema`'s type, which types
 * `execute`'s input ({@link InferToolInput}): inferred when the tool is written inline in
 * `tools`, or give it (`ChatTool<typeof schema>`).
 */
export interface ChatTool<S = unknown> {
  description?: string | undefined;
  /**
   * The arguments: a JSON Schema (sent to the model; inline or `as const` it types the input), or a
   * Standard Schema (zod 4.2+, arktype, valibot's `toStandardJsonSchema`) that gives its JSON
   * Schema and transforms. Default: any object. The input is checked against it before `execute`:
   * a mismatch is the call's `output-error`, which the model is told.
   */
  inputSchema?: S | undefined;
  /** Runs the call; the returned value (or the thrown error's message) goes back to the model. */
  execute(input: InferToolInput<S>, context: { toolCallId: string; signal: AbortSignal }): unknown;
  /** Wait for `approve(id)` / `deny(id)` before running (always, or when this returns true): the call's part is `approval-requested` meanwhile. */
  needsApproval?: boolean | Bivariant<InferToolInput<S>> | undefined;
}

/** The tools of a chat, by name: `T` maps each name to its schema's type, inferred from the `tools` given. */
export type ChatTools<T = Record<string, unknown>> = { [K in keyof T]: ChatTool<T[K]> };

/**
 * A conversation's status: `loading` while an async persistence `load` is pending, a stream status
 * while a turn streams, `running-tools` while client tools run, `awaiting-approval` while a tool
 * call waits for `approve` or `deny`.
 */
export type ChatStatus = StreamStatus | 'loading' | 'running-tools' | 'awaiting-approval';

/** One immutable snapshot of a chat controller. */
export interface ChatState {
  messages: ChatMessage[];
  status: ChatStatus;
  /** The last turn's error, if it ended with one (`invalid-request` when its history could not be turned into a request). */
  error?: RillErrorValue;
  /**
   * The last answer's tool calls waiting for `approve(id)` or `deny(id)` (its `approval-requested`
   * parts), while the status is `awaiting-approval` or `running-tools` (restored ones too); a stop
   * or a new `send` refuses them (`approval-denied`), so it is empty then.
   */
  pendingApprovals: ToolCallPart[];
  /** Set while the current turn waits to reconnect. */
  reconnect?: ReconnectState;
  /**
   * The current turn's metrics while it streams (TTFB, TTFT, inter-token latency, tokens/s,
   * reconnects, buffering), else the last turn's; absent before the first turn and after `setMessages`.
   */
  metrics?: StreamMetrics;
  /** Set while the last `persistence.save` threw: the chat carries on unsaved, and the next save tries again. */
  persistenceError?: RillErrorValue;
}

/**
 * Where a conversation is kept across reloads. `load` may be async: until it settles the status
 * is `loading`, nothing is saved, and a `send` shows its message at once but streams only after
 * the restored history (which goes before it). A load that throws or rejects restores nothing; a
 * `save` that throws sets `ChatState.persistenceError` and the chat carries on.
 *
 * While a relay announces a run for the answer being written, the conversation is also saved with
 * that answer and its `run` (when the run is announced, when the page is hidden or unloaded, and on
 * `dispose`), so a controller that loads it re-attaches; the answer is saved without it once it ends.
 */
export interface ChatPersistence {
  load(): ChatMessage[] | undefined | Promise<ChatMessage[] | undefined>;
  save(messages: ChatMessage[]): void;
}

/** Options of a chat; `T` is inferred from `tools` (see {@link ChatTools}). */
export interface ChatControllerOptions<T = Record<string, unknown>> extends Pick<
  HttpSourceOptions,
  'headers' | 'fetch' | 'retry' | 'idleTimeoutMs' | 'deadlineMs' | 'resume' | 'onRun' | 'credentials'
> {
  provider: ProviderName;
  /** The streaming endpoint: the provider's (`providerRequestPath`) or a relay's. */
  url: string;
  model: string;
  system?: string | undefined;
  maxTokens?: number | undefined;
  temperature?: number | undefined;
  reasoning?: ReasoningOptions | undefined;
  tools?: ChatTools<T> | undefined;
  /** Model turns per `send`, tool round-trips included (default 5). */
  maxSteps?: number | undefined;
  initialMessages?: ChatMessage[] | undefined;
  persistence?: ChatPersistence | undefined;
  throttle?: Throttle | undefined;
  /** A turn ended and no tool round-trip follows; `state` is the committed final snapshot. */
  onFinish?: ((state: ChatState) => void) | undefined;
  onError?: ((error: RillErrorValue) => void) | undefined;
}
