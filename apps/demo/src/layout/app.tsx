import { useEffect, useState, type ReactNode } from 'react';
import { useDemoBackend } from '../backend/backend-context.js';
import { ChatPage } from '../chat/chat-page.js';
import { FaultPanel } from '../faults/fault-panel.js';
import { MetricsPage } from '../metrics/metrics-page.js';
import { RacePage } from '../race/race-page.js';
import { StructuredPage } from '../structured/structured-page.js';

const pages = {
  chat: { label: 'Chat', render: () => <ChatPage /> },
  structured: { label: 'Structured', render: () => <StructuredPage /> },
  race: { label: 'Race', render: () => <RacePage /> },
  metrics: { label: 'Metrics', render: () => <MetricsPage /> },
} satisfies Record<string, { label: string; render(): ReactNode }>;

type PageName = keyof typeof pages;

const pageFromHash = (): PageName => {
  const name = location.hash.slice(1);
  return Object.hasOwn(pages, name) ? (name as PageName) : 'chat';
};

/**
 * The demo's shell: a page per feature, chosen by the URL hash (so a reload stays on it), and
 * the fault panel beside every page.
 *
 * @example createRoot(el).render(<App />);
 */
export function App() {
  const [page, setPage] = useState(pageFromHash);
  const backend = useDemoBackend();
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return (
    <div className="demo">
      <header className="demo-header">
        <h1>Rill demo</h1>
        <nav aria-label="Demo pages">
          <ul>
            {(Object.keys(pages) as PageName[]).map((name) => (
              <li key={name}>
                <a href={`#${name}`} aria-current={page === name ? 'page' : undefined}>
                  {pages[name].label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="demo-tagline">
          {backend.kind === 'relay'
            ? `Every answer comes from @rill/mock’s server through @rill/relay (${backend.log} event log), in the real wire format of the provider you pick: reload mid-answer and it continues.`
            : 'Every answer comes from @rill/mock in a service worker, in the real wire format of the provider you pick.'}
        </p>
      </header>
      <div className="demo-body">
        <main>{pages[page].render()}</main>
        <FaultPanel />
      </div>
    </div>
  );
}
