export type { StreamMetrics } from './stream-metrics.js';
export type { BufferingHeuristic } from './buffering-detector.js';
export { bufferingMessage, defaultBufferingHeuristic } from './buffering-detector.js';
export type { MetricsRecorder, MetricsRecorderOptions } from './metrics-recorder.js';
export { createMetricsRecorder } from './metrics-recorder.js';
export { withMetrics } from './with-metrics.js';
