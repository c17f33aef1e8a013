import type { MockProviderOptions } from '@rill/mock';
import { demoModel } from './demo-model.js';
import { demoScenarios } from './demo-scenarios.js';

/**
 * The demo's mock provider, the same in the page's service worker (MSW) and in the Node server
 * behind the relay: the demo model, the pages' named scenarios, and its timing.
 *
 * @example createMockProvider(demoMockOptions);
 */
export const demoMockOptions = {
  scenario: demoModel,
  scenarios: demoScenarios,
  // Fast but visibly progressive: the first token after 250 ms, then one every 20 ms.
  timing: { ttftMs: 250, tokenDelayMs: 20, jitterMs: 5 },
} satisfies MockProviderOptions;
