import type { ResumeTarget } from '@rill/core';

/**
 * Where the demo's answers come from: the mock provider in this page's service worker (`msw`: a
 * static build, no server needed), or `@rill/relay` in front of the mock's Node server (`relay`:
 * `npm run demo`), with the relay's event log.
 */
export type DemoBackend = { kind: 'msw' } | { kind: 'relay'; log: 'memory' | 'redis' };

/** The file that names the backend: a static build ships `{"backend":"msw"}`; the demo server answers it with `relay`. */
export const BACKEND_FILE = 'demo-backend.json';

/**
 * Reads which backend serves this page; anything but the demo server's `relay` answer means the
 * page serves itself (MSW).
 *
 * @example const backend = await loadBackend(); if (backend.kind === 'msw') await startMockWorker();
 */
export async function loadBackend(): Promise<DemoBackend> {
  const response = await fetch(`${import.meta.env.BASE_URL}${BACKEND_FILE}`, { cache: 'no-store' });
  const named: unknown = response.ok ? await response.json() : undefined;
  if (typeof named !== 'object' || named === null || !('backend' in named) || named.backend !== 'relay')
    return { kind: 'msw' };
  return { kind: 'relay', log: 'log' in named && named.log === 'redis' ? 'redis' : 'memory' };
}

/**
 * The resume target a page's stream needs: the MSW mock resumes statelessly (the same POST plus
 * `Last-Event-ID`), while the relay announces its own in a `rill-run` event, so none is given.
 *
 * @example useChat({ ...options, ...resumeOption(backend, url) });
 */
export function resumeOption(backend: DemoBackend, url: string): { resume?: ResumeTarget } {
  return backend.kind === 'msw' ? { resume: { url, method: 'POST' } } : {};
}
