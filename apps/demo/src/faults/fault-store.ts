import { createExternalStore } from '../state/external-store.js';
import type { FaultOption } from './fault-options.js';

/** The fault waiting for the next request, and the last HTTP status the mock answered. */
export interface FaultState {
  armed?: FaultOption;
  lastStatus?: number;
  /** Faults injected so far, newest first. */
  injected: readonly { fault: FaultOption; url: string; at: number }[];
}

export const faultStore = createExternalStore<FaultState>({ injected: [] });

/**
 * Arms a fault for the next request any page makes (or disarms with `undefined`).
 *
 * @example armFault(faultOptions[0]);
 */
export function armFault(fault: FaultOption | undefined): void {
  const { armed: _, ...rest } = faultStore.get();
  faultStore.set(fault === undefined ? rest : { ...rest, armed: fault });
}

let injections = 0;

/**
 * A `fetch` for the pages' streams: the first request after a fault was armed carries it in
 * `x-rill-mock-fault` (with its own `x-rill-mock-key`, so the mock counts it afresh), so the
 * retry or resume that follows gets through, as it would after a real fault.
 *
 * @example useChat({ ...options, fetch: faultFetch });
 */
export const faultFetch: typeof fetch = async (input, init) => {
  const { armed, ...rest } = faultStore.get();
  const headers = new Headers(init?.headers);
  if (armed !== undefined) {
    headers.set('x-rill-mock-fault', armed.spec);
    headers.set('x-rill-mock-key', `demo-fault-${++injections}`);
    faultStore.set({
      ...rest,
      injected: [
        { fault: armed, url: String(input instanceof Request ? input.url : input), at: Date.now() },
        ...rest.injected,
      ].slice(0, 8),
    });
  }
  const response = await fetch(input, { ...init, headers });
  faultStore.set({ ...faultStore.get(), lastStatus: response.status });
  return response;
};
