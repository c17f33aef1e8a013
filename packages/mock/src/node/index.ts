export { startMockServer } from './mock-server.js';
export type { MockServer, MockServerOptions } from './mock-server.js';
