import '@rill/ui/styles.css';
import './demo.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BackendContext } from './backend/backend-context.js';
import { loadBackend } from './backend/demo-backend.js';
import { App } from './layout/app.js';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const backend = await loadBackend();
if (backend.kind === 'msw') {
  // The worker must be serving before the first request: a restored conversation may render at once.
  // MSW and the mock provider load as their own chunk, next to the app's.
  const { startMockWorker } = await import('./mock/worker.js');
  await startMockWorker();
}

createRoot(root).render(
  <StrictMode>
    <BackendContext value={backend}>
      <App />
    </BackendContext>
  </StrictMode>,
);
