'use client';

import { memo, type CSSProperties, type ReactNode } from 'react';
import type { CodeToken, HighlightedLine, HighlightView, TokenLine } from './code-tokens.js';

/**
 * The children of a highlighted `<code>`: its text exactly, coloured runs as `<span>`s. Long code comes in pieces of whole
 * lines (`.rill-code__lines`); a piece whose lines are complete is memoised, so growing code renders its last piece again.
 *
 * @example
 * <code><HighlightedCode view={view} /></code>
 */
export function HighlightedCode({ view }: { view: HighlightView }): ReactNode {
  const { lines, count, pieceStarts, pieceCount, last, rest } = view;
  const open = pieceStarts[pieceCount - 1] ?? 0;
  const tail = (
    <>
      {linesIn(lines, open, count)}
      {renderTokens(last)}
      {rest}
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

const Piece = memo(
  function Piece({ lines, from, to }: PieceProps): ReactNode {
    return <span className="rill-code__lines">{linesIn(lines, from, to)}</span>;
  },
  (prev, next) =>
    prev.from === next.from && prev.to === next.to && prev.first === next.first && prev.final === next.final,
);

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
  return tokens.map((token, i) =>
    token.color === undefined && !token.fontStyle ? (
      token.content
    ) : (
      <span key={i} style={tokenStyle(token)}>
        {token.content}
      </span>
    ),
  );
}

// Shiki's font style bits: 1 italic, 2 bold, 4 underline, 8 strikethrough.
function tokenStyle({ color, fontStyle = 0 }: CodeToken): CSSProperties {
  const decoration = [fontStyle & 4 ? 'underline' : '', fontStyle & 8 ? 'line-through' : ''].filter(Boolean).join(' ');
  return {
    color,
    fontStyle: fontStyle & 1 ? 'italic' : undefined,
    fontWeight: fontStyle & 2 ? 'bold' : undefined,
    textDecoration: decoration || undefined,
  };
}
