export {
  encodeScenario,
  encodeScenarioText,
  expectedMessage,
  formatEvent,
  providerWires,
  resolveScenario,
} from './encode-scenario.js';
export type { EncodeOptions, MockEvent } from './encode-scenario.js';
export type { ProviderWire, ResolvedScenario, WireEvent } from './types.js';
