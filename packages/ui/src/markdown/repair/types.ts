/** A construct opened in the block being written and not closed yet. */
export interface Unclosed {
  /** Where the opening delimiter starts; closers are appended innermost (latest) first. */
  at: number;
  /** What closes it. */
  closer: string;
}

/** A `[start, end)` range of the text where no delimiter counts: inline code, a link destination or a URL. */
export type SkipRange = readonly [start: number, end: number];

/** Where a link destination is pending, Markdown points it at this; the renderer shows its text unlinked. */
export const PENDING_LINK = 'rill-pending:';
