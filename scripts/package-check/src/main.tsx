import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupWorker } from 'msw/browser';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMockHandlers } from '@rill/mock/msw';
import '@rill/ui/styles.css';
import { Chat } from './chat.js';
import { Recipe } from './recipe.js';
import { QueryAnswer } from './query-answer.js';
import { TreeSitterProbe } from './tree-sitter-probe.js';

const worker = setupWorker(...createMockHandlers({ timing: { ttftMs: 0, tokenDelayMs: 5 } }));
await worker.start({ onUnhandledRequest: 'bypass', quiet: true });

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <Chat />
      <Recipe />
      <QueryAnswer question="Hello" />
      <TreeSitterProbe />
    </QueryClientProvider>
  </StrictMode>,
);
