export { startMockServer, STATS_PATH } from './mock-server.js';
export type { MockServer, MockServerOptions, MockServerStats } from './mock-server.js';
