export { createMockHandlers } from './mock-handlers.js';
export type { MockHandlerOptions } from './mock-handlers.js';
