export { createRelay } from './relay/create-relay.js';
export type { Relay, RelayOptions } from './relay/create-relay.js';
export { DEFAULT_UPSTREAMS, KEY_VARIABLES } from './relay/upstream.js';
export { requestPolicy } from './policy/request-policy.js';
export type { PolicyDecision, PolicyInput, RequestPolicy, RequestPolicyOptions } from './policy/request-policy.js';
export { createMemoryEventLog } from './log/memory-event-log.js';
export type { MemoryEventLogOptions } from './log/memory-event-log.js';
export { END_EVENT, endEvent } from './log/event-log.js';
export type {
  EventLog,
  FollowRefusal,
  LogEntry,
  LogEvent,
  RunEnd,
  RunLookup,
  RunStatus,
  RunWriter,
} from './log/event-log.js';
