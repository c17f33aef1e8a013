// @rill/ui: React components for streamed answers, each name with one line.
export {
  /** Plain streamed text, revealed at an even pace (`useSmoothText`) with a caret while it streams. */
  StreamingText,
} from './streaming-text/streaming-text.js';
export type {
  /** Props of {@link StreamingText}. */
  StreamingTextProps,
} from './streaming-text/streaming-text.js';
export {
  /** Streaming-safe Markdown: done blocks render once, an open fence or emphasis renders sensibly mid-stream. */
  Markdown,
} from './markdown/markdown.js';
export type {
  /** Props of {@link Markdown}. */
  MarkdownProps,
} from './markdown/markdown.js';
export {
  /** A fenced code block with a "Copy code" button (it says "Copied" for two seconds after). */
  CodeBlock,
} from './markdown/code-block.js';
export type {
  /** What a code block renderer receives; pass your own through `Markdown`'s `components.code`. */
  CodeBlockProps,
} from './markdown/code-block.js';
export type {
  /** Renderers a `Markdown` user can replace. */
  MarkdownComponents,
} from './markdown/render-tokens.js';
export {
  /** The URL to put in an `href` (or `src`), or `undefined` when it is not a web or e-mail link. */
  safeUrl,
} from './markdown/safe-url.js';
export {
  /** How deep Markdown nests before the rest is shown as written. */
  MAX_NESTING_DEPTH,
} from './markdown/lex-markdown.js';
export {
  /** Makes the Markdown block being written render as it will once complete. */
  repairBlock,
} from './markdown/repair/repair-block.js';
export {
  /** One client tool call: name, input as it fills, Approve / Deny, running, output or error. */
  ToolCall,
} from './tool-call/tool-call.js';
export type {
  /** Props of {@link ToolCall}. */
  ToolCallProps,
  /** What a tool call shows (its `data-state`): the part's state, `input-available` shown as `running`. */
  ToolCallState,
} from './tool-call/tool-call.js';
export {
  /** A tool the provider ran itself (web search, code execution, …), shown as such: never Approve / Deny. */
  ProviderToolCall,
} from './provider-tool/provider-tool-call.js';
export type {
  /** Props of {@link ProviderToolCall}. */
  ProviderToolCallProps,
} from './provider-tool/provider-tool-call.js';
export {
  /** The sources a message cites, numbered as its citation markers number them. */
  SourceList,
} from './sources/source-list.js';
export type {
  /** Props of {@link SourceList}. */
  SourceListProps,
} from './sources/source-list.js';
export {
  /** Text parts as one run of streaming Markdown, with a superscript marker after each passage a citation covers. */
  CitedText,
} from './cited-text/cited-text.js';
export type {
  /** Props of {@link CitedText}. */
  CitedTextProps,
} from './cited-text/cited-text.js';
export {
  /** A file the model made: an image is shown (with `alt` text. */
  GeneratedFile,
} from './files/generated-file.js';
export type {
  /** Props of {@link GeneratedFile}. */
  GeneratedFileProps,
} from './files/generated-file.js';
export {
  /** A collapsible reasoning block: "Thinking…" while it streams (its text streams while open), then "Thought for 4 s". */
  Reasoning,
} from './reasoning/reasoning.js';
export type {
  /** Props of {@link Reasoning}. */
  ReasoningProps,
} from './reasoning/reasoning.js';
export {
  /** A banner while the transport waits to reconnect. */
  ReconnectBanner,
} from './reconnect-banner/reconnect-banner.js';
export type {
  /** The reconnect a banner shows: the store's `ReconnectState`; `reason` and `status` say why it waits. */
  BannerReconnect,
  /** Props of {@link ReconnectBanner}. */
  ReconnectBannerProps,
} from './reconnect-banner/reconnect-banner.js';
export {
  /** One line of stream facts: status, time to first token and tokens per second. */
  StreamStatus,
} from './stream-status/stream-status.js';
export type {
  /** Props of {@link StreamStatus}. */
  StreamStatusProps,
} from './stream-status/stream-status.js';
export {
  /** The button named "Stop" that aborts a stream; what arrived before it is kept. */
  StopButton,
} from './stop-button/stop-button.js';
export type {
  /** Props of {@link StopButton}: a plain button's, plus the stream it stops. */
  StopButtonProps,
} from './stop-button/stop-button.js';
export {
  /** The message box of a chat: Enter sends, Shift+Enter a new line, Send and (while streaming) Stop. */
  Composer,
} from './composer/composer.js';
export type {
  /** Props of {@link Composer}. */
  ComposerProps,
} from './composer/composer.js';
export {
  /** Whether a keydown in a chat's message box should send. */
  isSendKey,
  /** Stop disappears when the answer ends, and focus on it would fall to `<body>`. */
  useStopFocusReturn,
} from './composer/message-box-keys.js';
export type {
  /** Handlers for the Stop button of a message box; see {@link useStopFocusReturn}. */
  StopFocusHandlers,
} from './composer/message-box-keys.js';
export {
  /** The scrolling message log (`role="log"`, a polite live region). */
  Conversation,
} from './conversation/conversation.js';
export type {
  /** Props of {@link Conversation}. */
  ConversationProps,
} from './conversation/conversation.js';
export {
  /** Renders every part of a `Message` in order, its sources, then the notice its ending calls for. */
  MessageView,
} from './message-view/message-view.js';
export type {
  /** Props of {@link MessageView}. */
  MessageViewProps,
} from './message-view/message-view.js';
export {
  /** A structured object that grows field by field, with a skeleton for each field not arrived yet. */
  StructuredPreview,
} from './structured-preview/structured-preview.js';
export type {
  /** Props of {@link StructuredPreview}. */
  StructuredPreviewProps,
} from './structured-preview/structured-preview.js';
export type {
  /** The subset of JSON Schema that `StructuredPreview` lays out: objects, arrays and scalars. */
  PreviewSchema,
} from './structured-preview/schema.js';
export {
  /** The notice under an answer whose connection dropped: the partial answer above it is kept, and "Retry" asks again. */
  Interrupted,
} from './interrupted/interrupted.js';
export type {
  /** Props of {@link Interrupted}. */
  InterruptedProps,
} from './interrupted/interrupted.js';
