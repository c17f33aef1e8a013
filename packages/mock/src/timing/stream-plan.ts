import type { MockEvent } from '../encode/encode-scenario.js';
import { formatEvent } from '../encode/encode-scenario.js';
import type { MockFault } from '../faults/types.js';
import type { MockTiming } from '../scenario/types.js';
import { seededRandom } from './prng.js';

/** One thing the response does at `atMs` after it starts: write bytes, or break the connection. */
export type StreamStep = { atMs: number; text: string } | { atMs: number; drop: true };

/** Defaults that look like a fast hosted model. */
export const DEFAULT_TIMING: Required<MockTiming> = {
  ttftMs: 300,
  tokenDelayMs: 25,
  jitterMs: 10,
  seed: 1,
  batchSize: 1,
};

export interface StreamPlanOptions {
  timing: MockTiming;
  fault?: MockFault;
  lineEnding: '\n' | '\r\n';
  /** False sends events without `id:` lines (then clients cannot resume). */
  eventIds: boolean;
}

/** A data line that is not JSON: a proxy or server bug cutting a payload mid-object. */
const MALFORMED_EVENT = 'data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"cut off';

function timed(events: readonly MockEvent[], options: StreamPlanOptions): { atMs: number; text: string }[] {
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const random = seededRandom(timing.seed);
  const jittered = (ms: number): number =>
    Math.max(0, ms + (timing.jitterMs === 0 ? 0 : timing.jitterMs * (2 * random() - 1)));
  let at = 0;
  let tokenSeen = false;
  return events.map((event) => {
    if (event.token) {
      at += tokenSeen ? jittered(timing.tokenDelayMs) : timing.ttftMs;
      tokenSeen = true;
    }
    return { atMs: at, text: formatEvent(event, options.lineEnding, options.eventIds) };
  });
}

function withFault(
  steps: { atMs: number; text: string }[],
  fault: MockFault | undefined,
  lineEnding: string,
): StreamStep[] {
  switch (fault?.type) {
    case 'drop':
      return [
        ...steps.slice(0, fault.afterEvents),
        { atMs: steps[Math.min(fault.afterEvents, steps.length) - 1]?.atMs ?? 0, drop: true },
      ];
    case 'malformed': {
      const at = Math.min(fault.afterEvents, steps.length);
      return [
        ...steps.slice(0, at),
        { atMs: steps[at - 1]?.atMs ?? 0, text: MALFORMED_EVENT + lineEnding + lineEnding },
        ...steps.slice(at),
      ];
    }
    case 'stall': {
      const at = Math.min(fault.afterEvents, steps.length);
      const start = steps[at - 1]?.atMs ?? 0;
      const heartbeats: StreamStep[] = [];
      // Heartbeats are comments: they keep an idle timer alive without being events.
      for (
        let t = fault.heartbeatMs ?? fault.ms;
        fault.heartbeatMs !== undefined && t < fault.ms;
        t += fault.heartbeatMs
      )
        heartbeats.push({ atMs: start + t, text: `: heartbeat${lineEnding}${lineEnding}` });
      return [...steps.slice(0, at), ...heartbeats, ...steps.slice(at).map((s) => ({ ...s, atMs: s.atMs + fault.ms }))];
    }
    case 'buffering':
      return steps.map((s) => ({ ...s, atMs: Math.ceil(s.atMs / fault.windowMs) * fault.windowMs }));
    default:
      return steps;
  }
}

function batched(steps: readonly StreamStep[], size: number): StreamStep[] {
  if (size <= 1) return [...steps];
  const out: StreamStep[] = [];
  let group: { atMs: number; text: string } | undefined;
  let inGroup = 0;
  for (const step of steps) {
    if (!('text' in step)) {
      out.push(step);
      group = undefined;
    } else if (group !== undefined && inGroup < size) {
      // The batch goes out when its last event is due, as one write.
      group.atMs = step.atMs;
      group.text += step.text;
      inGroup += 1;
    } else {
      group = { ...step };
      inGroup = 1;
      out.push(group);
    }
  }
  return out;
}

/**
 * Turns a response's events into timed writes: TTFT before the first token, jittered token delays,
 * then the fault (drop, stall with heartbeats, malformed line, proxy buffering) and chunky batches.
 *
 * @example planStream(encodeScenario('anthropic', scenario), { timing: { ttftMs: 0, tokenDelayMs: 0 }, lineEnding: '\n', eventIds: true });
 */
export function planStream(events: readonly MockEvent[], options: StreamPlanOptions): StreamStep[] {
  const steps = withFault(timed(events, options), options.fault, options.lineEnding);
  return batched(steps, options.timing.batchSize ?? DEFAULT_TIMING.batchSize);
}
