'use client';

import { memo, useMemo, useState, type ReactNode } from 'react';
import type { Links, Token } from 'marked';
import { createBlockSplitter, type DoneBlock } from './block-splitter.js';
import { CodeBlock } from './code-block.js';
import { HighlightContext, highlightSettings, type HighlightSettings } from './highlight/highlight-context.js';
import { lexInline, lexMarkdown } from './lex-markdown.js';
import type { OpenParagraph } from './open-block.js';
import { PlainTextFallback } from './plain-text-fallback.js';
import { renderBlocks, renderInline, type MarkdownComponents } from './render-tokens.js';
import { repairBlock } from './repair/index.js';
import { repairInline } from './repair/repair-block.js';

/** Props of {@link Markdown}. */
export interface MarkdownProps {
  /** The Markdown source so far; while streaming it only ever grows. */
  text: string;
  /** True while `text` is still arriving: the block being written is repaired so that it renders as it will once complete. */
  streaming?: boolean | undefined;
  /** Replace the code block renderer. */
  components?: Partial<MarkdownComponents> | undefined;
  /**
   * Syntax-highlight fenced code in common languages (default true; `false` shows all code plain). Shiki and each
   * grammar load on first use, so the page's bundle does not grow; until then, and on the server, code shows plain.
   */
  highlight?: boolean | undefined;
  className?: string | undefined;
}

const defaultComponents: MarkdownComponents = { code: CodeBlock };

/**
 * Streaming-safe Markdown: completed blocks render once and are memoized, only the block being
 * written re-renders, and an open code fence, emphasis, inline code or link renders sensibly
 * mid-stream. Raw HTML is shown as text; links are limited to http(s)/mailto and open with
 * `rel="noopener noreferrer"`; images are shown as links, never loaded. Nesting deeper than
 * `MAX_NESTING_DEPTH` is shown as written, and if rendering still fails the text is shown plain.
 * Fenced code in common languages is syntax-highlighted once its grammar has loaded; a block being
 * written is highlighted as it grows and a done one is never highlighted again.
 *
 * @example
 * <Markdown text={message.text} streaming={message.status === 'streaming'} />
 * <Markdown text={message.text} highlight={false} />
 */
export function Markdown(props: MarkdownProps) {
  const [streamed, setStreamed] = useState(props.streaming === true);
  if (props.streaming && !streamed) setStreamed(true);
  return (
    <PlainTextFallback text={props.text} streaming={props.streaming ?? false} className={props.className}>
      {streamed ? <StreamedMarkdown {...props} /> : <SettledMarkdown {...props} />}
    </PlainTextFallback>
  );
}

// A text that was complete when it mounted (a restored message) is lexed once, whole: the splitter would lex it, then each block again.
function SettledMarkdown({ text, components, className, highlight = true }: MarkdownProps) {
  const code = components?.code ?? defaultComponents.code;
  const blocks = useMemo(() => renderBlocks(lexMarkdown(text, {}), { code }), [text, code]);
  return (
    <div className={className ? `rill-md ${className}` : 'rill-md'} data-state="done">
      <HighlightContext.Provider value={highlightSettings(highlight, true)}>{blocks}</HighlightContext.Provider>
    </div>
  );
}

function StreamedMarkdown({ text, streaming = false, components, className, highlight = true }: MarkdownProps) {
  const [splitter] = useState(createBlockSplitter);
  // Once the text is complete every block is done, so a link definition in the last one resolves too.
  const doc = useMemo(() => splitter.update(text, !streaming), [splitter, text, streaming]);
  const code = components?.code;
  const resolved = useMemo<MarkdownComponents>(() => ({ code: code ?? defaultComponents.code }), [code]);
  // A paragraph or code fence being written comes lexed in settled chunks; only its open end is repaired and lexed again.
  const open = doc.open;
  const tailTokens = useMemo(
    () =>
      open?.type === 'fence'
        ? [open.token]
        : open
          ? []
          : lexMarkdown(streaming ? repairBlock(doc.tail) : doc.tail, doc.links),
    [open, doc.tail, doc.links, streaming],
  );

  return (
    <div className={className ? `rill-md ${className}` : 'rill-md'} data-state={streaming ? 'streaming' : 'done'}>
      {/* One keyed list: the block being written keeps its elements when it is done (its key is the one it gets then),
          so a long code block that closes, or the answer that ends, re-renders what changed instead of mounting anew. */}
      {[
        ...doc.done.map((block) => (
          <Block key={block.key} content={block} components={resolved} highlight={highlightSettings(highlight, true)} />
        )),
        open?.type === 'paragraph' ? (
          <OpenParagraphBlock key={doc.done.length} paragraph={open} links={doc.links} />
        ) : (
          <Block
            key={doc.done.length}
            content={tailTokens}
            components={resolved}
            highlight={highlightSettings(highlight, !streaming)}
          />
        ),
      ]}
    </div>
  );
}

// A done block is lexed when it renders (once, it is memoized), so its tokens are not kept. Its code blocks learn
// through `highlight` whether to highlight and whether their code is done (a done one's tokens are cached).
const Block = memo(function Block({
  content,
  components,
  highlight,
}: {
  content: Token[] | DoneBlock;
  components: MarkdownComponents;
  highlight: HighlightSettings;
}): ReactNode {
  return (
    <HighlightContext.Provider value={highlight}>
      {renderBlocks(Array.isArray(content) ? content : lexMarkdown(content.source, content.links), components)}
    </HighlightContext.Provider>
  );
});

// From this many settled chunks (about 4 KB) each lays out as its own line run while the paragraph streams.
const RUNS_FROM = 4;
// Full groups of this many runs render as one memoised element, so an update reconciles and lays out O(length / GROUP + GROUP) pieces.
const GROUP = 16;

// The settled chunks keep their elements (React appends after them); only the open rest is repaired, lexed and rendered again.
// A browser lays out a paragraph's lines as one piece, so a long one would be laid out whole per update; as separate runs
// only the last is (a line ends early at each ~1 KB cut until the paragraph is done and flows as one).
function OpenParagraphBlock({ paragraph, links }: { paragraph: OpenParagraph; links: Links }): ReactNode {
  const { chunks } = paragraph;
  const rest = renderInline(lexInline(repairInline(paragraph.rest), links));
  if (chunks.length < RUNS_FROM) {
    return (
      <p>
        {chunks.map((tokens, i) => (
          <Inline key={i} tokens={tokens} />
        ))}
        {rest}
      </p>
    );
  }
  const full = Math.floor(chunks.length / GROUP) * GROUP;
  const groups = Array.from({ length: full / GROUP }, (_, g) => (
    <RunGroup key={`g${g}`} chunks={chunks} start={g * GROUP} />
  ));
  return (
    <p>
      {groups}
      {chunks.slice(full).map((tokens, i) => (
        <span key={full + i} className="rill-md__run">
          <Inline tokens={tokens} />
        </span>
      ))}
      {rest}
    </p>
  );
}

// Settled chunks never change, so a full group is the same while its first chunk is (a new paragraph brings new chunks).
const RunGroup = memo(
  function RunGroup({ chunks, start }: { chunks: readonly Token[][]; start: number }): ReactNode {
    return (
      <span className="rill-md__run">
        {chunks.slice(start, start + GROUP).map((tokens, i) => (
          <Inline key={i} tokens={tokens} />
        ))}
      </span>
    );
  },
  (prev, next) => prev.start === next.start && prev.chunks[prev.start] === next.chunks[next.start],
);

const Inline = memo(function Inline({ tokens }: { tokens: Token[] }): ReactNode {
  return renderInline(tokens);
});
