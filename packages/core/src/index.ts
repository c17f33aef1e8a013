// @rill/core: what an app needs, each name with one line. Building blocks live on documented subpaths:
// `@rill/core/sse` (the SSE decoder), `@rill/core/providers` (each provider's decoder and request builder),
// `@rill/core/store` (frame scheduler, reconnect reason, raw SSE parts, the store kernel),
// `@rill/core/chat` (the chat controller's pieces: `runTool`, `toConversation`).
export {
  /** The error Rill throws from its iterators: an `Error` (so it has a stack) that is also a {@link RillErrorValue}. */
  RillError,
  /** True for errors Rill threw, from any installed copy of `@rill/core` (a `Symbol.for` brand). */
  isRillError,
} from './errors.js';
export type {
  /** The kinds of failure Rill reports (`network`, `http`, `stall`, `interrupted`, `aborted`, …). */
  RillErrorKind,
  /** The plain-data shape of an error, as stored on a `Message` and sent across boundaries. */
  RillErrorValue,
} from './errors.js';
export {
  /** Creates a WHATWG event-stream interpreter. */
  createSSEDecoder,
} from './sse/sse-decoder.js';
export type {
  /** A push-driven decoder: feed it chunks, then call `end()` once. */
  SSEDecoder,
  /** Caps that keep a decoder's memory bounded, in UTF-16 code units. */
  SSEDecoderOptions,
  /** One dispatched Server-Sent Event. */
  SSEEvent,
  /** What the decoder calls as the stream is interpreted. */
  SSEHandlers,
} from './sse/sse-decoder.js';
export {
  /** Iterates the events of a `Response` (its body) or a byte stream. */
  readSSE,
} from './sse/read-sse.js';
export type {
  /** The decoder's caps (`maxLineLength`, `maxEventLength`. */
  ReadSSEOptions,
} from './sse/read-sse.js';
export {
  /** Streams the SSE events of an HTTP request, retrying and resuming safely. */
  streamSSE,
} from './transport/stream-sse.js';
export type {
  /** `fetch` options plus what the transport adds. */
  StreamSSEOptions,
  /** How failed connections are tried again; `maxAttempts` counts the first request too. */
  RetryOptions,
  /** What `onReconnect` is told before each wait. */
  ReconnectInfo,
  /** Where a broken stream is picked up again: a request that answers the events after `Last-Event-ID`. */
  ResumeTarget,
} from './transport/stream-sse-options.js';
export type {
  /** What a `rill-run` event announces, its URLs made absolute. */
  RunInfo,
} from './transport/run-announcement.js';
export {
  /** Asks the server to stop a run it announced (`POST stopUrl`, docs/resumable-runs.md). */
  stopRun,
} from './transport/stop-run.js';
export type {
  /** How {@link stopRun} reaches the server: the app's own fetch, headers and credentials. */
  StopRunOptions,
} from './transport/stop-run.js';
export {
  /** Parts that carry model output: what time-to-first-token and races wait for. */
  isTokenPart,
} from './message/types.js';
export type {
  /** The provider wire formats Rill decodes and builds requests for. */
  ProviderName,
  /** Why the model stopped, normalised across providers. */
  FinishReason,
  /** Token counts a provider reported for the answer. */
  Usage,
  /** Where a text part cites a source. */
  Citation,
  /** Answer text, with the citations of its passages. */
  TextPart,
  /** The model's reasoning (signed or redacted where the provider says so). */
  ReasoningPart,
  /** A tool call with its streamed input, its state and its result. */
  ToolCallPart,
  /** Something the answer cites: a web page (`url`) or a document. */
  SourcePart,
  /** A file the model produced (an image or other media), inline as base64 `data` or by `url`. */
  FilePart,
  /** One part of a message: text, reasoning, a tool call, a source or a file. */
  Part,
  /** A message's status: `streaming`, then `done`, `interrupted`, `error` or `aborted`. */
  MessageStatus,
  /** Debug information about decoding, not part of the answer. */
  MessageMetadata,
  /** One assistant message, the same whatever the provider. */
  Message,
  /** What a provider decoder emits: one small event per thing that happened on the wire. */
  StreamPart,
} from './message/types.js';
export {
  /** Creates the synchronous, push-based message accumulator that {@link accumulate } and the stores run on. */
  createMessageAccumulator,
} from './message/message-accumulator.js';
export type {
  /** Applies stream parts one at a time and hands out immutable snapshots on demand. */
  MessageAccumulator,
} from './message/accumulator-with.js';
export {
  /** Folds stream parts into the final {@link Message}, calling `onSnapshot` with an immutable snapshot after each part. */
  accumulate,
} from './message/accumulate.js';
export {
  /** Turns a provider's SSE events into provider-neutral {@link StreamPart}s. */
  decodeProvider,
} from './providers/decode-provider.js';
export {
  /** The provider's streaming request body for a provider-neutral conversation. */
  toProviderRequest,
  /** The path of the provider's streaming endpoint, to append to its base URL (or a relay's). */
  providerRequestPath,
} from './providers/request/to-provider-request.js';
export type {
  /** A provider-neutral conversation that `toProviderRequest` turns into any provider's request body. */
  Conversation,
  /** One turn: user text, an assistant message's parts (a decoded `Message` fits), or tool results. */
  ConversationMessage,
  /** A tool the model may call; `inputSchema` is a JSON Schema for its arguments. */
  ToolDefinition,
  /** The result of running one tool call: its output, or `error` when it failed. */
  ToolResult,
  /** Reasoning options; each provider takes the one it understands (Anthropic/Gemini a budget, OpenAI an effort). */
  ReasoningOptions,
  /** A JSON request body. */
  RequestBody,
} from './providers/request/conversation.js';
export type {
  /** One stream's timings, as {@link MetricsRecorder.snapshot } reports them. */
  StreamMetrics,
} from './metrics/stream-metrics.js';
export {
  /** Shown when buffering is suspected: says what to change on the proxy. */
  bufferingMessage,
  /** The thresholds used unless `createMetricsRecorder({ buffering })` overrides some. */
  defaultBufferingHeuristic,
} from './metrics/buffering-detector.js';
export type {
  /** What counts as "a proxy is buffering the stream". */
  BufferingHeuristic,
} from './metrics/buffering-detector.js';
export {
  /** Creates a framework-free metrics recorder for one stream. */
  createMetricsRecorder,
} from './metrics/metrics-recorder.js';
export type {
  /** Push-based recorder of one stream's metrics; every method is O(1) except `snapshot()`. */
  MetricsRecorder,
  /** Options of `createMetricsRecorder` (the clock and the buffering heuristic). */
  MetricsRecorderOptions,
} from './metrics/metrics-recorder.js';
export {
  /** Passes parts through unchanged while feeding them to `recorder`. */
  withMetrics,
} from './metrics/with-metrics.js';
export {
  /** Creates a registry of circuit breakers keyed by candidate id. */
  createCircuitBreaker,
} from './race/circuit-breaker.js';
export type {
  /** `closed`: calls go through. */
  BreakerState,
  /** One candidate's circuit, as the UI shows it. */
  BreakerStatus,
  /** Per-id circuit breakers in one registry, so state survives from one race to the next. */
  CircuitBreaker,
  /** Thresholds of `createCircuitBreaker`: failures, window and cool-down. */
  CircuitBreakerOptions,
} from './race/circuit-breaker.js';
export type {
  /** One stream `race` or `fanOut` may start. */
  StreamCandidate,
} from './race/stream-candidate.js';
export {
  /** Races model streams for the first token. */
  race,
} from './race/race.js';
export type {
  /** What happened during a race, in order; the UI shows it and `useRace` keeps the winner. */
  RaceEvent,
  /** Options of `race`: the first-token timeout, a signal, a circuit breaker, an event callback. */
  RaceOptions,
} from './race/race.js';
export {
  /** Runs several streams at once and yields their parts interleaved as they arrive, each labelled with its source. */
  fanOut,
} from './race/fan-out.js';
export type {
  /** A part from one of `fanOut`'s streams, labelled with the candidate's id. */
  SourcedPart,
} from './race/fan-out.js';
export {
  /** Creates a stream store: a part source run into a message, metrics and a status, notified at most once per frame. */
  createStreamStore,
} from './store/stream-store.js';
export type {
  /** A framework-free, subscribable stream: the state React (or anything) renders from. */
  StreamStore,
  /** A store over an HTTP SSE endpoint, or over any part source (a race, a test script). */
  StreamStoreOptions,
  /** Callbacks of a stream; each runs after the state it reports has been published. */
  StreamCallbacks,
} from './store/stream-store.js';
export {
  /** True for the statuses a stream ends in. */
  isFinalStatus,
  /** The text parts of a message joined (the single part itself when there is one, so no copy is made). */
  messageText,
} from './store/stream-state.js';
export type {
  /** One immutable snapshot of a stream store; a new object only when something changed. */
  StreamState,
  /** Where a stream is: `idle` before `start()`; `connecting` until the response arrives; `streaming`. */
  StreamStatus,
  /** The reconnect the transport is waiting to make. */
  ReconnectState,
} from './store/stream-state.js';
export type {
  /** Why a stream waits to reconnect. */
  ReconnectReason,
} from './store/reconnect-reason.js';
export type {
  /** How often a store may notify: once per animation frame, or at most once per `ms` milliseconds. */
  Throttle,
} from './store/frame-scheduler.js';
export {
  /** The part source of an HTTP endpoint: `streamSSE` (retry, resume, idle timeout, deadline) then the provider's decoder. */
  httpSource,
} from './store/http-source.js';
export type {
  /** An HTTP endpoint speaking SSE: a provider's API, or a relay of one. */
  HttpSourceOptions,
} from './store/http-source.js';
export type {
  /** Produces the parts of one run; the store owns the rest (accumulation, metrics, notifications). */
  PartSource,
  /** What a store hands its part source on each `start()` or `attach()`. */
  PartSourceContext,
} from './store/part-source.js';
export {
  /** True for a value with a run handle's shape, e.g. */
  isRunHandle,
} from './store/run-handle.js';
export type {
  /** A run a server announced (`rill-run`, docs/resumable-runs.md) as a stream keeps it. */
  RunHandle,
} from './store/run-handle.js';
export {
  /** Creates a stream store that parses the text (or a tool call's input) as JSON while it streams, O(delta) per part. */
  createStructuredStore,
} from './store/structured-store.js';
export type {
  /** What the structured store parses and checks: the parser, a schema, the tool call to read. */
  StructuredOptions,
  /** The parser contract every */
  StructuredParserFactory,
  /** A stream snapshot plus the structured value growing inside it. */
  StructuredState,
  /** A stream store that parses the text (or a tool call's input) as JSON while it streams. */
  StructuredStore,
  /** The options of a structured store: a stream store's, with `onFinish` given the structured state. */
  StructuredStoreOptions,
  /** A key or index path from the root of a JSON value; `[]` is the root. */
  ValuePath,
} from './store/structured-store.js';
export {
  /** Turns parts into message snapshots, at most one per frame (or `throttle` ms), the final one always last. */
  messageSnapshots,
} from './store/message-snapshots.js';
export {
  /** Creates a race store: `race` run through a stream store, each snapshot carrying the race's events. */
  createRaceStore,
} from './store/race-store.js';
export type {
  /** A race's stream state, with what happened in the race as it was when this state was published. */
  RaceState,
  /** A race for the first token, subscribable: the winner streams in as a stream store's would. */
  RaceStore,
  /** Options of `createRaceStore`: candidates, first-token timeout, breaker, throttle, callbacks. */
  RaceStoreOptions,
} from './store/race-store.js';
export {
  /** Creates a fan-out store over core's `fanOut`. */
  createFanOutStore,
} from './store/fan-out-store.js';
export type {
  /** One source's immutable snapshot. */
  FanOutSourceState,
  /** One source of a fan-out: `connecting` until its first part, then the status its message ends with. */
  FanOutSourceStatus,
  /** One immutable snapshot of a fan-out store; a new object only when something changed. */
  FanOutState,
  /** `idle` before `start()`, `streaming` while any source runs, `done` when all ended, `aborted` after `stop()`. */
  FanOutStatus,
  /** Several streams at once, subscribable: the state React (or anything) renders side by side. */
  FanOutStore,
  /** Options of `createFanOutStore`: candidates, throttle, `onFinish`. */
  FanOutStoreOptions,
} from './store/fan-out-store.js';
export {
  /** Creates a chat controller over any provider. */
  createChatController,
} from './chat/chat-controller.js';
export type {
  /** A framework-free conversation: React's `useChat` only subscribes to it. */
  ChatController,
} from './chat/chat-controller.js';
export type {
  /** Options of a chat; `T` is inferred from `tools` (see {@link ChatTools}). */
  ChatControllerOptions,
  /** One entry of a conversation: what the user typed, or a decoded assistant message with its turn's metrics. */
  ChatMessage,
  /** Where a conversation is kept across reloads. */
  ChatPersistence,
  /** One immutable snapshot of a chat controller. */
  ChatState,
  /** A conversation's status: a stream status, or `loading`, `running-tools`, `awaiting-approval`. */
  ChatStatus,
  /** A tool the browser runs when the model calls it. */
  ChatTool,
  /** The tools of a chat, by name: `T` maps each name to its schema's type, inferred from the `tools` given. */
  ChatTools,
} from './chat/chat-types.js';
export type {
  /** The TypeScript type of the values a JSON Schema (written `as const`) allows, for the common keywords. */
  FromJSONSchema,
  /** What a tool's `execute` receives for its `inputSchema`. */
  InferToolInput,
} from './chat/tool-schema.js';
export {
  /** Keeps a conversation in a Web Storage area under `key`, so a reload restores it (and re-attaches to a run still writing). */
  storagePersistence,
} from './chat/storage-persistence.js';
export type {
  /** The part of the Web Storage API a persistence adapter needs (`localStorage` fits). */
  KeyValueStorage,
} from './chat/storage-persistence.js';
export {
  /** Whether a call must wait for the user's approval. */
  needsApproval,
} from './chat/run-tool.js';
export {
  /** Calls `callback` when the page is hidden or unloaded (`pagehide`, or `visibilitychange` to hidden. */
  onPageHide,
} from './chat/page-hide.js';
export {
  /** A paused answer and its continuation as one message. */
  continueAnswer,
  /** A tool call the client runs: not one the provider ran itself (those come with their results). */
  isClientCall,
  /** Whether the provider paused the answer and asks for it to be continued (Anthropic's `pause_turn`). */
  pausedTurn,
} from './chat/paused-turn.js';
