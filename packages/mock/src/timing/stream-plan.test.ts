import { describe, expect, it } from 'vitest';
import { builtinScenarios, encodeScenario, planStream, type StreamPlanOptions, type StreamStep } from '../index.js';

const events = encodeScenario('openai-chat', builtinScenarios.text);
const plan = (options: Partial<StreamPlanOptions>): StreamStep[] =>
  planStream(events, { timing: { jitterMs: 0 }, lineEnding: '\n', eventIds: true, ...options });
const times = (steps: StreamStep[]): number[] => steps.map((s) => s.atMs);
const text = (steps: StreamStep[]): string => steps.map((s) => ('text' in s ? s.text : '')).join('');

describe('planStream', () => {
  it('sends the preamble at once, the first token after the TTFT, then one token per delay', () => {
    const at = times(plan({ timing: { ttftMs: 300, tokenDelayMs: 20, jitterMs: 0 } }));
    expect(at.slice(0, 3)).toEqual([0, 300, 320]);
    expect(at.at(-1)).toBe(300 + 20 * (events.filter((e) => e.token).length - 1));
  });

  it('jitters delays within ±jitterMs, the same way for the same seed', () => {
    const a = times(plan({ timing: { ttftMs: 0, tokenDelayMs: 20, jitterMs: 10, seed: 5 } }));
    const tokenTimes = a.filter((_, i) => events[i]?.token === true);
    const gaps = tokenTimes.slice(1).map((t, i) => t - (tokenTimes[i] ?? 0));
    expect(gaps.every((g) => g >= 10 && g <= 30)).toBe(true);
    expect(new Set(gaps).size).toBeGreaterThan(3);
    expect(times(plan({ timing: { ttftMs: 0, tokenDelayMs: 20, jitterMs: 10, seed: 5 } }))).toEqual(a);
    expect(times(plan({ timing: { ttftMs: 0, tokenDelayMs: 20, jitterMs: 10, seed: 6 } }))).not.toEqual(a);
  });

  it('batches N events into one write, keeping every byte', () => {
    const single = plan({ timing: { ttftMs: 0, tokenDelayMs: 10, jitterMs: 0 } });
    const chunky = plan({ timing: { ttftMs: 0, tokenDelayMs: 10, jitterMs: 0, batchSize: 3 } });
    expect(chunky).toHaveLength(Math.ceil(single.length / 3));
    expect(text(chunky)).toBe(text(single));
  });

  it('a buffering proxy releases events only at the end of each window', () => {
    const at = times(
      plan({ timing: { ttftMs: 0, tokenDelayMs: 30, jitterMs: 0 }, fault: { type: 'buffering', windowMs: 100 } }),
    );
    expect(at.every((t) => t % 100 === 0)).toBe(true);
    expect(new Set(at).size).toBeLessThan(at.length / 2);
  });

  it('a stall pauses after N events, with heartbeat comments in between', () => {
    const steps = plan({
      timing: { ttftMs: 0, tokenDelayMs: 0, jitterMs: 0 },
      fault: { type: 'stall', afterEvents: 2, ms: 1000, heartbeatMs: 300 },
    });
    expect(steps.slice(2, 5)).toEqual([
      { atMs: 300, text: ': heartbeat\n\n' },
      { atMs: 600, text: ': heartbeat\n\n' },
      { atMs: 900, text: ': heartbeat\n\n' },
    ]);
    expect(steps[5]?.atMs).toBe(1000);
  });

  it('a drop ends the plan after N events; a malformed line goes in after N events', () => {
    const dropped = plan({
      timing: { ttftMs: 0, tokenDelayMs: 0, jitterMs: 0 },
      fault: { type: 'drop', afterEvents: 3 },
    });
    expect(dropped).toHaveLength(4);
    expect(dropped[3]).toEqual({ atMs: 0, drop: true });
    const malformed = plan({
      timing: { ttftMs: 0, tokenDelayMs: 0, jitterMs: 0 },
      fault: { type: 'malformed', afterEvents: 1 },
    });
    expect(text(malformed.slice(1, 2))).toMatch(/^data: \{.*cut off\n\n$/);
  });
});
