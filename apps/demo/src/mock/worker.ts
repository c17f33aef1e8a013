import { createMockProvider } from '@rill/mock';
import { createMockHandlers } from '@rill/mock/msw';
import { setupWorker } from 'msw/browser';
import { demoModel } from './demo-model.js';
import { demoScenarios } from './demo-scenarios.js';
import { API_BASE } from './endpoints.js';

/**
 * Starts the MSW service worker that serves the mock provider under `/api` on this origin, in
 * every provider's wire format; call it before the first render so no request escapes it.
 *
 * @example await startMockWorker(); createRoot(el).render(<App />);
 */
export async function startMockWorker(): Promise<void> {
  // Fast but visibly progressive: the first token after 250 ms, then one every 20 ms.
  const mock = createMockProvider({ scenario: demoModel, scenarios: demoScenarios, timing: { ttftMs: 250, tokenDelayMs: 20, jitterMs: 5 } });
  const worker = setupWorker(...createMockHandlers(mock, { baseUrl: `${location.origin}${API_BASE}` }));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` } });
}
