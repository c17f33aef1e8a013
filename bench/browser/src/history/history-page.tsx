// The long-conversation page: ?scenario=history&variant=rill|ai-sdk&count=1000&rate=2000&seconds=5.
// The runner calls window.restoreHistory() (renders the restored conversation, timed to its first
// paint), takes its readings, then window.runBench() (one answer streamed after it, probed as the
// streaming page is).
import { Profiler, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { PageResult } from '../main.js';
import { startProbe, type PageProbe } from '../probes.js';
import { answerText, type Pace } from '../token-stream.js';
import { FirstTokenContext } from '../variants/bench-conversation.js';
import { AiSdkHistory } from './ai-sdk-history.js';
import { aiSdkHistory, rillHistory } from './restored-conversation.js';
import { RillHistory } from './rill-history.js';

/** What `restoreHistory()` resolves with. */
export interface RestoreResult {
  /** From `render()` to React's first commit of the restored conversation. */
  commitMs: number;
  /** From `render()` to the end of the frame that paints it. */
  paintMs: number;
  /** Tasks over 50 ms from `render()` to that paint (PerformanceObserver, wall clock). */
  longTasks: number;
  longestTaskMs: number;
  /** Elements in the document once it is painted. */
  elements: number;
}

declare global {
  interface Window {
    restoreHistory(): Promise<RestoreResult>;
  }
}

// The end of the frame that paints what was just committed: the next animation frame, then a task after it.
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Wires `restoreHistory()` and `runBench()` for one variant and conversation length.
 *
 * @example mountHistory('rill', 1000, { rate: 2000, seconds: 5 });
 */
export function mountHistory(variant: string, count: number, pace: Pace): void {
  const tokens = Math.round(pace.rate * pace.seconds);
  let release = () => {};
  const start = new Promise<void>((resolve) => (release = resolve));
  let onDone = (_text: string) => {};
  const done = (text: string) => onDone(text);
  let probe: ReturnType<typeof startProbe> | undefined;
  let firstToken = () => probe?.onFirstToken();
  let firstCommit: (() => void) | undefined;

  window.restoreHistory = async () => {
    // The conversation is built (as a storage load would parse it) before the clock starts: only rendering is timed.
    const element: ReactElement =
      variant === 'rill' ? (
        <RillHistory initial={rillHistory(count)} pace={pace} start={start} onDone={done} />
      ) : variant === 'ai-sdk' ? (
        <AiSdkHistory initial={aiSdkHistory(count)} pace={pace} start={start} onDone={done} />
      ) : (
        <p>Unknown variant {variant}</p>
      );
    const longTasks = startProbe();
    const started = performance.now();
    const committed = new Promise<number>((resolve) => (firstCommit = () => resolve(performance.now())));
    createRoot(document.getElementById('root') as HTMLElement).render(
      <Profiler
        id="bench"
        onRender={() => {
          firstCommit?.();
          firstCommit = undefined;
          probe?.onCommit();
        }}
      >
        <FirstTokenContext value={() => firstToken()}>{element}</FirstTokenContext>
      </Profiler>,
    );
    const commitAt = await committed;
    await afterPaint();
    const paintMs = performance.now() - started;
    const measured: PageProbe = longTasks.stop();
    return {
      commitMs: commitAt - started,
      paintMs,
      longTasks: measured.longTasks,
      longestTaskMs: measured.longestTaskMs,
      elements: document.getElementsByTagName('*').length,
    };
  };

  window.runBench = () =>
    new Promise<PageResult>((resolve) => {
      const running = startProbe();
      probe = running;
      firstToken = () => running.onFirstToken();
      onDone = (text) => resolve({ ...running.stop(), tokens, complete: text === answerText(tokens, pace.content) });
      release();
    });
}
