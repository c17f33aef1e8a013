import { createContext, useContext } from 'react';
import type { DemoBackend } from './demo-backend.js';

/** The backend serving this page, provided once at the root (main.tsx). */
export const BackendContext = createContext<DemoBackend>({ kind: 'msw' });

/**
 * The backend serving this page.
 *
 * @example const backend = useDemoBackend(); useChat({ ...options, ...resumeOption(backend, url) });
 */
export function useDemoBackend(): DemoBackend {
  return useContext(BackendContext);
}
