export type { BreakerState, BreakerStatus, CircuitBreaker, CircuitBreakerOptions } from './circuit-breaker.js';
export { createCircuitBreaker } from './circuit-breaker.js';
export type { StreamCandidate } from './stream-candidate.js';
export type { RaceEvent, RaceOptions } from './race.js';
export { race } from './race.js';
export type { SourcedPart } from './fan-out.js';
export { fanOut } from './fan-out.js';
