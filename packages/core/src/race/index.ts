export type { BreakerState, BreakerStatus, CircuitBreaker, CircuitBreakerOptions } from './circuit-breaker.js';
export { createCircuitBreaker } from './circuit-breaker.js';
