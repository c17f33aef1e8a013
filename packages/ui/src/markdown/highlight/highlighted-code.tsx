'use client';

import { memo, type ReactNode } from 'react';
import { PIECE, type HighlightedLine, type HighlightView, type TokenLine } from './code-tokens.js';

/**
 * The children of a highlighted `<code>`: its text exactly, coloured runs as `<span class="rill-code__token--…">`. Long code comes in pieces of whole
 * lines (`.rill-code__lines`); a piece whose lines are complete is memoised, so growing code renders its last piece again.
 *
 * @example
 * <code><HighlightedCode view={view} /></code>
 */
export function HighlightedCode({ view }: { view: HighlightView }): ReactNode {
  const { lines, count, pieceStarts, pieceCount, last, rest } = view;
  const open = pieceStarts[pieceCount - 1] ?? 0;
  // The open piece's complete lines in memoised groups too, so an update reconciles a few elements, not every line.
  const grouped = open + Math.floor((count - open) / GROUP) * GROUP;
  const groups: ReactNode[] = [];
  for (let from = open; from < grouped; from += GROUP)
    groups.push(
      <LineGroup
        key={from}
        lines={lines}
        from={from}
        to={from + GROUP}
        first={lines[from]}
        final={lines[from + GROUP - 1]}
      />,
    );
  const tail = (
    <>
      {groups}
      {linesIn(lines, grouped, count)}
      <span>
        {renderTokens(last)}
        {restPieces(rest)}
      </span>
    </>
  );
  if (pieceCount === 0) return tail;
  const pieces = Array.from({ length: pieceCount }, (_, p) => {
    const from = pieceStarts[p - 1] ?? 0;
    const to = pieceStarts[p] ?? 0;
    return <Piece key={p} lines={lines} from={from} to={to} first={lines[from]} final={lines[to - 1]} />;
  });
  return (
    <>
      {pieces}
      <span className="rill-code__lines">{tail}</span>
    </>
  );
}

interface PieceProps {
  lines: readonly HighlightedLine[];
  from: number;
  to: number;
  // The piece's first and last lines as they were when rendered (`lines` is the same array, grown since).
  first: HighlightedLine | undefined;
  final: HighlightedLine | undefined;
}

const GROUP = 16;

const sameLines = (prev: PieceProps, next: PieceProps) =>
  prev.from === next.from && prev.to === next.to && prev.first === next.first && prev.final === next.final;

const Piece = memo(function Piece({ lines, from, to }: PieceProps): ReactNode {
  return <span className="rill-code__lines">{linesIn(lines, from, to)}</span>;
}, sameLines);

// Lines of the piece still growing, GROUP at a time: rendered once. Each group, like the line being written, is an
// element of its own, so the nodes an update changes have few siblings (a DOM keeps a node's index among them).
const LineGroup = memo(function LineGroup({ lines, from, to }: PieceProps): ReactNode {
  return <span>{linesIn(lines, from, to)}</span>;
}, sameLines);

function linesIn(lines: readonly HighlightedLine[], from: number, to: number): ReactNode[] {
  const nodes: ReactNode[] = [];
  for (let i = from; i < to; i++) nodes.push(<Line key={i} tokens={lines[i]?.tokens ?? []} />);
  return nodes;
}

// A complete line never changes its tokens, so it renders once.
const Line = memo(function Line({ tokens }: { tokens: TokenLine }): ReactNode {
  return (
    <>
      {renderTokens(tokens)}
      {'\n'}
    </>
  );
});

function renderTokens(tokens: TokenLine): ReactNode[] {
  return tokens.map(({ content, className }, i) =>
    className === undefined ? (
      content
    ) : (
      <span key={i} className={className}>
        {content}
      </span>
    ),
  );
}

/**
 * The code not tokenised yet, in pieces of whole lines cut back from its end: as later tasks tokenise its front, the
 * pieces behind keep their text, so a long backlog (a big restored block) is not laid out again with every slice.
 */
function restPieces(rest: string): ReactNode[] {
  const pieces: ReactNode[] = [];
  let end = rest.length;
  while (end > PIECE) {
    const cut = rest.lastIndexOf('\n', end - PIECE);
    if (cut < 0) break;
    pieces.push(
      <span key={pieces.length} className="rill-code__lines">
        {rest.slice(cut + 1, end)}
      </span>,
    );
    end = cut + 1;
  }
  pieces.push(rest.slice(0, end));
  return pieces.reverse();
}
