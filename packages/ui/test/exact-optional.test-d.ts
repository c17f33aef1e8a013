// Compiled with exactOptionalPropertyTypes by exact-optional.test.ts: every optional property of the
// public option and props types takes an explicit `undefined`, as such a user's code may pass.
import type {
  ChatControllerOptions,
  CircuitBreakerOptions,
  FanOutStoreOptions,
  HttpSourceOptions,
  MetricsRecorderOptions,
  RaceOptions,
  RaceStoreOptions,
  ReadSSEOptions,
  ReasoningOptions,
  RetryOptions,
  SSEDecoderOptions,
  StopRunOptions,
  StreamSSEOptions,
  StreamStoreOptions,
  StructuredOptions,
  StructuredStoreOptions,
} from '@rill/core';
import type {
  SmoothTextOptions,
  UseFanOutOptions,
  UseRaceOptions,
  UseStreamOptions,
  UseStructuredStreamOptions,
} from '@rill/react';
import type { RevealPaceOptions } from '@rill/react/smooth-text';
import type { StreamQueryOptions } from '@rill/react/query';
import type {
  CitedTextProps,
  CodeBlockProps,
  ComposerProps,
  ConversationProps,
  GeneratedFileProps,
  InterruptedProps,
  MarkdownProps,
  MessageViewProps,
  ProviderToolCallProps,
  ReasoningProps,
  ReconnectBannerProps,
  SourceListProps,
  StopButtonProps,
  StreamingTextProps,
  StreamStatusProps,
  StructuredPreviewProps,
  ToolCallProps,
} from '@rill/ui';

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
/** The optional keys of `T` (of each member of a union) that refuse an explicit `undefined`. */
type RefusingUndefined<T> = T extends unknown
  ? { [K in OptionalKeys<T>]-?: { [P in K]: undefined } extends Pick<T, K> ? never : K }[OptionalKeys<T>]
  : never;
/** `true`, or the keys that refuse `undefined`, which then fail the constraint with their names. */
type TakesUndefined<T> = [RefusingUndefined<T>] extends [never] ? true : RefusingUndefined<T>;
const takesUndefined = <T extends true>(): T | undefined => undefined;

// fetch's own RequestInit (TypeScript's DOM library) is left out: its options are not Rill's to widen.
takesUndefined<TakesUndefined<Omit<StreamSSEOptions, keyof RequestInit>>>();
takesUndefined<TakesUndefined<SSEDecoderOptions>>();
takesUndefined<TakesUndefined<ReadSSEOptions>>();
takesUndefined<TakesUndefined<RetryOptions>>();
takesUndefined<TakesUndefined<StopRunOptions>>();
takesUndefined<TakesUndefined<ReasoningOptions>>();
takesUndefined<TakesUndefined<MetricsRecorderOptions>>();
takesUndefined<TakesUndefined<CircuitBreakerOptions>>();
takesUndefined<TakesUndefined<RaceOptions>>();
takesUndefined<TakesUndefined<RaceStoreOptions>>();
takesUndefined<TakesUndefined<HttpSourceOptions>>();
takesUndefined<TakesUndefined<StreamStoreOptions>>();
takesUndefined<TakesUndefined<StructuredOptions>>();
takesUndefined<TakesUndefined<StructuredStoreOptions>>();
takesUndefined<TakesUndefined<FanOutStoreOptions>>();
takesUndefined<TakesUndefined<ChatControllerOptions>>();
takesUndefined<TakesUndefined<UseStreamOptions>>();
takesUndefined<TakesUndefined<SmoothTextOptions>>();
takesUndefined<TakesUndefined<RevealPaceOptions>>();
takesUndefined<TakesUndefined<UseStructuredStreamOptions>>();
takesUndefined<TakesUndefined<UseRaceOptions>>();
takesUndefined<TakesUndefined<UseFanOutOptions>>();
takesUndefined<TakesUndefined<StreamQueryOptions<readonly unknown[]>>>();
takesUndefined<TakesUndefined<StreamingTextProps>>();
takesUndefined<TakesUndefined<MarkdownProps>>();
takesUndefined<TakesUndefined<CodeBlockProps>>();
takesUndefined<TakesUndefined<ToolCallProps>>();
takesUndefined<TakesUndefined<ProviderToolCallProps>>();
takesUndefined<TakesUndefined<SourceListProps>>();
takesUndefined<TakesUndefined<CitedTextProps>>();
takesUndefined<TakesUndefined<GeneratedFileProps>>();
takesUndefined<TakesUndefined<ReasoningProps>>();
takesUndefined<TakesUndefined<ReconnectBannerProps>>();
takesUndefined<TakesUndefined<StreamStatusProps>>();
takesUndefined<TakesUndefined<StopButtonProps>>();
takesUndefined<TakesUndefined<ComposerProps>>();
takesUndefined<TakesUndefined<ConversationProps>>();
takesUndefined<TakesUndefined<MessageViewProps>>();
takesUndefined<TakesUndefined<StructuredPreviewProps>>();
takesUndefined<TakesUndefined<InterruptedProps>>();
