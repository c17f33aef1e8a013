export { serveRelay } from './serve-relay.js';
export type { RelayServer, ServeRelayOptions } from './serve-relay.js';
