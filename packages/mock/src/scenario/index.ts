export { builtinScenarios, echoScenario } from './builtin-scenarios.js';
export type { BuiltinScenarioName } from './builtin-scenarios.js';
export { splitChunks, splitTokens } from './tokens.js';
export type { MockPart, MockReasoningPart, MockScenario, MockTextPart, MockTiming, MockToolCallPart, MockUsage } from './types.js';
