'use client';

import type { ToolCallPart } from '@rill/core';
import { classNames } from '../class-names.js';
import { hostOf, webHref } from '../sources/web-href.js';
import { formatValue } from '../tool-call/format-value.js';
import {
  codeView,
  imagePrompt,
  providerToolKind,
  providerToolTitle,
  webFetchView,
  webSearchView,
} from './tool-views.js';

/** Props of {@link ProviderToolCall}. */
export interface ProviderToolCallProps {
  /** A `tool-call` part with `providerExecuted: true`. */
  part: ToolCallPart;
  className?: string | undefined;
}

const STATE_LABELS: Record<ToolCallPart['state'], string> = {
  'input-streaming': 'Starting',
  'input-available': 'Running',
  'approval-requested': 'Running',
  'approval-denied': 'Failed',
  'output-available': 'Done',
  'output-error': 'Failed',
};

/** A page as a link if its address may be one, else its title and address as text. */
function PageLink({ url, title }: { url: string; title?: string | undefined }) {
  const href = webHref(url);
  if (href === undefined) {
    return (
      <span data-state="inert">
        {title === undefined ? '' : `${title} `}
        <span className="rill-tool__url">{url}</span>
      </span>
    );
  }
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {title ?? hostOf(href) ?? href}
    </a>
  );
}

function Block({ label, children }: { label: string; children: string }) {
  return (
    <>
      <span className="rill-tool__label">{label}</span>
      <pre className="rill-tool__output" tabIndex={0}>
        {children}
      </pre>
    </>
  );
}

function WebSearchBody({ part }: { part: ToolCallPart }) {
  const { queries, results } = webSearchView(part);
  return (
    <>
      {queries.length > 0 && (
        <>
          <span className="rill-tool__label">{queries.length === 1 ? 'Query' : 'Queries'}</span>
          <p className="rill-tool__query">{queries.join(' · ')}</p>
        </>
      )}
      {results.length > 0 && (
        <>
          <span className="rill-tool__label">Results</span>
          <ul className="rill-tool__results">
            {results.map((result) => (
              <li key={result.url}>
                <PageLink url={result.url} title={result.title} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

// `failure`: what the alert says, not repeated as the run's errors.
function CodeBody({ part, done, failure }: { part: ToolCallPart; done: boolean; failure: string | undefined }) {
  const { code, output, errors, exitCode } = codeView(part);
  return (
    <>
      <span className="rill-tool__label">Code</span>
      <pre className="rill-tool__input" tabIndex={0}>
        <code>{code}</code>
      </pre>
      {done && <Block label="Output">{output === '' && errors === '' ? '(no output)' : output}</Block>}
      {errors !== '' && errors.trim() !== failure?.trim() && <Block label="Errors">{errors}</Block>}
      {exitCode !== undefined && <p className="rill-tool__note">Exit code {exitCode}</p>}
    </>
  );
}

function OtherBody({ part, done }: { part: ToolCallPart; done: boolean }) {
  const kind = providerToolKind(part);
  if (kind === 'image') {
    // The image itself is a file part of the message; the card says what was asked for.
    const prompt = imagePrompt(part);
    return prompt === undefined ? null : (
      <>
        <span className="rill-tool__label">Prompt</span>
        <p className="rill-tool__query">{prompt}</p>
      </>
    );
  }
  if (kind === 'web-fetch') {
    const { url, title } = webFetchView(part);
    return url === undefined ? null : (
      <p className="rill-tool__query">
        <PageLink url={url} title={title} />
      </p>
    );
  }
  return (
    <>
      <Block label="Input">{part.input === undefined ? part.inputText : formatValue(part.input, part.inputText)}</Block>
      {done && <Block label="Output">{formatValue(part.output)}</Block>}
    </>
  );
}

/**
 * A tool the provider ran itself (web search, web fetch, code execution, file search, MCP, image
 * generation), marked as such: never Approve / Deny, it is not the app's to run. A web search shows
 * its query and the pages found (links only to `http(s):` addresses), code its source and output,
 * image generation its prompt (the image is the message's file part), other tools their input and
 * output; a failure is announced.
 *
 * @example
 * {part.providerExecuted ? <ProviderToolCall part={part} /> : <ToolCall part={part} />}
 */
export function ProviderToolCall({ part, className }: ProviderToolCallProps) {
  const title = providerToolTitle(part);
  const state = STATE_LABELS[part.state] ?? 'Running';
  const busy = state === 'Starting' || state === 'Running';
  const done = part.state === 'output-available';
  const failure =
    part.state === 'output-error' || part.state === 'approval-denied'
      ? (part.errorText ?? 'The provider could not run it.')
      : undefined;
  const kind = providerToolKind(part);
  return (
    <div
      role="group"
      aria-label={`${title}, run by the provider`}
      aria-busy={busy}
      className={classNames('rill-tool', 'rill-tool--provider', className)}
      data-state={part.state}
      data-kind={kind}
    >
      <div className="rill-tool__header">
        <span className="rill-tool__name">{title}</span>
        <span className="rill-tool__badge">Run by the provider</span>
        <span className="rill-tool__state">{state}</span>
        {busy && <span className="rill-spinner" role="progressbar" aria-label={`${title} running`} />}
      </div>
      {kind === 'web-search' ? (
        <WebSearchBody part={part} />
      ) : kind === 'code' ? (
        <CodeBody part={part} done={done || failure !== undefined} failure={failure} />
      ) : (
        <OtherBody part={part} done={done} />
      )}
      {failure !== undefined && (
        <p className="rill-tool__error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
