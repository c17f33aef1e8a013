export { builtinScenarios, echoScenario } from './builtin-scenarios.js';
export type { BuiltinScenarioName } from './builtin-scenarios.js';
export { splitChunks, splitTokens } from './tokens.js';
export type {
  MockCitation,
  MockCodeExecutionPart,
  MockImagePart,
  MockPart,
  MockProviderPart,
  MockReasoningPart,
  MockScenario,
  MockSource,
  MockTextPart,
  MockTiming,
  MockToolCallPart,
  MockUsage,
  MockWebSearchPart,
} from './types.js';
