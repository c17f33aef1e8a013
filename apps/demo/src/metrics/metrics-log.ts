import type { StreamMetrics } from '@rill/core';
import { createExternalStore } from '../state/external-store.js';

/** One finished stream's metrics, as the metrics page lists them. */
export interface MetricsEntry {
  id: number;
  /** Which page and provider made the stream, e.g. "Chat · anthropic". */
  label: string;
  metrics: StreamMetrics;
}

/** How many streams the page keeps. */
const KEEP = 12;

export const metricsLog = createExternalStore<readonly MetricsEntry[]>([]);

let next = 0;

/**
 * Adds a finished stream's metrics to the log (the newest last; the oldest drop off); the same
 * metrics object is logged once, however often it is reported.
 *
 * @example recordMetrics('Structured · openai-chat', state.metrics);
 */
export function recordMetrics(label: string, metrics: StreamMetrics): void {
  if (metricsLog.get().some((e) => e.metrics === metrics)) return;
  metricsLog.set([...metricsLog.get(), { id: ++next, label, metrics }].slice(-KEEP));
}
