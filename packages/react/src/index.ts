// @rill/react: thin React faces over @rill/core's stores, each name with one line. The reveal pacing
// `useSmoothText` is built from (`createRevealPace`) is on `@rill/react/smooth-text`; TanStack Query on `@rill/react/query`.
export {
  /** Streams one SSE response into React state. */
  useStream,
  /** `useStream` that also returns its store (to re-attach a kept run, or read the store elsewhere). */
  useStreamStore,
} from './stream/use-stream.js';
export type {
  /** `createStreamStore`'s options plus `autoStart` and `attachTo`. */
  UseStreamOptions,
  /** The stream's state plus its controls. */
  UseStreamResult,
} from './stream/use-stream.js';
export {
  /** Reveals streamed text at a pace that follows its recent arrival rate, so chunky batches read smoothly. */
  useSmoothText,
} from './smooth-text/use-smooth-text.js';
export type {
  /** How `useSmoothText` paces the reveal (and whether it animates at all). */
  SmoothTextOptions,
} from './smooth-text/use-smooth-text.js';
export {
  /** True when the user asked for reduced motion; false on the server. */
  usePrefersReducedMotion,
} from './smooth-text/reduced-motion.js';
export {
  /** A conversation with any provider, over the framework-free chat controller. */
  useChat,
} from './chat/use-chat.js';
export type {
  /** The conversation plus its controls. */
  UseChatResult,
} from './chat/use-chat.js';
export {
  /** Streams structured output, parsed as it arrives: the partial value, its paths and its final check. */
  useStructuredStream,
} from './structured/use-structured-stream.js';
export type {
  /** A structured store's options (`onFinish` gets the structured state) plus `autoStart`. */
  UseStructuredStreamOptions,
  /** The structured state plus its controls. */
  UseStructuredStreamResult,
} from './structured/use-structured-stream.js';
export {
  /** Races model streams for the first token with core's `race`. */
  useRace,
} from './race/use-race.js';
export type {
  /** `createRaceStore`'s options plus `autoStart`. */
  UseRaceOptions,
  /** The race state (the winner streaming, its events) plus live breaker states and controls. */
  UseRaceResult,
} from './race/use-race.js';
export {
  /** Streams several candidates at once over core's `fanOut` (compare models side by side). */
  useFanOut,
} from './fan-out/use-fan-out.js';
export type {
  /** Options of `useFanOut`: `autoStart`, throttle and `onFinish`. */
  UseFanOutOptions,
  /** Every source's live state plus the controls. */
  UseFanOutResult,
} from './fan-out/use-fan-out.js';
