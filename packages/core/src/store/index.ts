export { createStreamStore } from './stream-store.js';
export type { StreamStore, StreamStoreOptions, StreamCallbacks } from './stream-store.js';
export type { StreamState, StreamStatus, ReconnectState } from './stream-state.js';
export { isFinalStatus, messageText } from './stream-state.js';
export { reconnectReason } from './reconnect-reason.js';
export type { ReconnectReason } from './reconnect-reason.js';
export { createFrameScheduler } from './frame-scheduler.js';
export type { FrameScheduler, Throttle } from './frame-scheduler.js';
export { httpSource } from './http-source.js';
export type { HttpSourceOptions } from './http-source.js';
export type { PartSource, PartSourceContext } from './part-source.js';
export { isRunHandle } from './run-handle.js';
export type { RunHandle } from './run-handle.js';
export { decodeRawSSE } from './raw-sse.js';
export { createStructuredStore } from './structured-store.js';
export type {
  StructuredOptions,
  StructuredParserFactory,
  StructuredState,
  StructuredStore,
  StructuredStoreOptions,
  ValuePath,
} from './structured-store.js';
export { messageSnapshots } from './message-snapshots.js';
export { createListeners, createSnapshotStore } from './subscribable.js';
export type { Listeners, SnapshotStore } from './subscribable.js';
export { createRaceStore } from './race-store.js';
export type { RaceState, RaceStore, RaceStoreOptions } from './race-store.js';
export { createFanOutStore } from './fan-out-store.js';
export type {
  FanOutSourceState,
  FanOutSourceStatus,
  FanOutState,
  FanOutStatus,
  FanOutStore,
  FanOutStoreOptions,
} from './fan-out-store.js';
