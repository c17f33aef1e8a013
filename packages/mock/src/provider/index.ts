export { createMockProvider, handleMockRequest, MOCK_HEADERS } from './mock-provider.js';
export type { MockProvider, MockProviderOptions, MockRequestContext, ScenarioSource } from './mock-provider.js';
export { errorBody } from './error-bodies.js';
export { DroppedConnectionError } from './event-stream.js';
export { matchRoute, providerPaths } from './routes.js';
export type { MockRoute } from './routes.js';
