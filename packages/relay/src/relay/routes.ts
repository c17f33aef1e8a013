import type { ProviderName } from '@rill/core';

/** What a request path asks of the relay; `prefix` is what came before the relay's own paths (a mount point). */
export type RelayRoute =
  { kind: 'start'; prefix: string; model?: string } | { kind: 'resume' | 'stop'; prefix: string; runId: string };

const PROVIDER_PATHS: Record<ProviderName, RegExp> = {
  anthropic: /^(.*)\/v1\/messages$/,
  'openai-chat': /^(.*)\/v1\/chat\/completions$/,
  'openai-responses': /^(.*)\/v1\/responses$/,
  gemini: /^(.*)\/v1beta\/models\/([^/:]+):streamGenerateContent$/,
};
const RUN_PATH = /^(.*)\/rill\/runs\/([^/]+)(\/stop)?$/;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The route of a path for a relay of `provider`: the provider's own streaming path (a prefix such
 * as `/api/relay` allowed), or a run's resume (`…/rill/runs/{id}`) or stop (`…/rill/runs/{id}/stop`).
 *
 * @example matchRelayRoute('gemini', '/v1beta/models/gemini-2.5-flash:streamGenerateContent'); // { kind: 'start', prefix: '', model: 'gemini-2.5-flash' }
 */
export function matchRelayRoute(provider: ProviderName, pathname: string): RelayRoute | undefined {
  const start = PROVIDER_PATHS[provider].exec(pathname);
  if (start !== null)
    return { kind: 'start', prefix: start[1] ?? '', ...(start[2] !== undefined && { model: decoded(start[2]) }) };
  const run = RUN_PATH.exec(pathname);
  if (run === null) return undefined;
  return { kind: run[3] === undefined ? 'resume' : 'stop', prefix: run[1] ?? '', runId: decoded(run[2] ?? '') };
}

/**
 * A run's resume and stop URLs, relative to the host (so a load balancer in front stays in the path).
 *
 * @example runUrls('/api', 'run_x'); // { resume: '/api/rill/runs/run_x', stop: '/api/rill/runs/run_x/stop' }
 */
export function runUrls(prefix: string, runId: string): { resume: string; stop: string } {
  const resume = `${prefix}/rill/runs/${runId}`;
  return { resume, stop: `${resume}/stop` };
}
