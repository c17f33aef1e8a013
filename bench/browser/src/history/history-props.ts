import type { Pace } from '../token-stream.js';

/** Props of a long-conversation variant: the restored conversation in its library's shape, the new answer's pace, when to ask, and the final text. */
export interface HistoryProps<M> {
  initial: M[];
  pace: Pace;
  /** Resolves when the runner has taken its readings of the restored page: then the variant sends. */
  start: Promise<void>;
  onDone(text: string): void;
}
