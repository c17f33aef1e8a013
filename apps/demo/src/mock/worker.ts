import { createMockProvider } from '@rill/mock';
import { createMockHandlers } from '@rill/mock/msw';
import { setupWorker } from 'msw/browser';
import { demoMockOptions } from './demo-mock-options.js';
import { providerBase, providers } from './endpoints.js';

/**
 * Starts the MSW service worker that serves the mock provider on this origin, each provider at
 * its own path (`providerBase`); call it before the first render so no request escapes it.
 *
 * @example await startMockWorker(); createRoot(el).render(<App />);
 */
export async function startMockWorker(): Promise<void> {
  const mock = createMockProvider(demoMockOptions);
  const handlers = providers.flatMap(({ name }) =>
    createMockHandlers(mock, { baseUrl: `${location.origin}${providerBase(name)}`, providers: [name] }),
  );
  const worker = setupWorker(...handlers);
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
