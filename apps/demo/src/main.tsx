import '@rill/ui/styles.css';
import './demo.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './layout/app.js';
import { startMockWorker } from './mock/worker.js';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
// The worker must be serving before the first request: a restored conversation may render at once.
await startMockWorker();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
