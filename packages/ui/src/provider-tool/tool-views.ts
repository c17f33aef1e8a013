import type { ToolCallPart } from '@rill/core';

/** How a provider-run tool is shown. */
export type ProviderToolKind = 'web-search' | 'web-fetch' | 'code' | 'image' | 'other';

// Tool names as the decoders give them (Anthropic, OpenAI Responses, Gemini).
const KINDS: Readonly<Record<string, ProviderToolKind>> = {
  web_search: 'web-search',
  web_fetch: 'web-fetch',
  code_execution: 'code',
  bash_code_execution: 'code',
  code_interpreter: 'code',
  image_generation: 'image',
};

const TITLES: Readonly<Record<string, string>> = {
  web_search: 'Web search',
  web_fetch: 'Web fetch',
  code_execution: 'Code execution',
  bash_code_execution: 'Code execution',
  text_editor_code_execution: 'File edit',
  code_interpreter: 'Code interpreter',
  file_search: 'File search',
  image_generation: 'Image generation',
};

const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * How a provider-run call is shown, by its tool name.
 *
 * @example providerToolKind({ toolName: 'code_interpreter' }); // 'code'
 */
export function providerToolKind(part: Pick<ToolCallPart, 'toolName'>): ProviderToolKind {
  return Object.hasOwn(KINDS, part.toolName) ? (KINDS[part.toolName] as ProviderToolKind) : 'other';
}

/**
 * What a provider-run call is called for a reader ("Web search"); an MCP tool by its own name.
 *
 * @example providerToolTitle({ toolName: 'web_search' }); // 'Web search'
 */
export function providerToolTitle(part: Pick<ToolCallPart, 'toolName'>): string {
  return (Object.hasOwn(TITLES, part.toolName) ? TITLES[part.toolName] : undefined) ?? String(part.toolName);
}

/** A web search as shown: what was searched, and the pages found. */
export interface WebSearchView {
  queries: string[];
  results: { url: string; title?: string }[];
}

/**
 * The queries and results of a web search, from the call's input and output as each provider gives
 * them: Anthropic `{ query }` and a list of `web_search_result`s, OpenAI `{ query, queries?, sources? }`.
 *
 * @example webSearchView(part).queries; // ['how does EventSource reconnect']
 */
export function webSearchView(part: Pick<ToolCallPart, 'input' | 'output'>): WebSearchView {
  const input = record(part.input) ?? {};
  const queries = [
    ...new Set(
      [text(input['query']), ...list(input['queries']).map(text)].filter(
        (q): q is string => q !== undefined && q !== '',
      ),
    ),
  ];
  const found = [
    ...list(part.output),
    ...list(input['sources']),
    ...list(record(record(part.output)?.['action'])?.['sources']),
  ];
  const results = new Map<string, { url: string; title?: string }>();
  for (const item of found) {
    const url = text(record(item)?.['url']);
    const title = text(record(item)?.['title']);
    if (url !== undefined && !results.has(url)) results.set(url, title === undefined ? { url } : { url, title });
  }
  return { queries, results: [...results.values()] };
}

/** A code run as shown: the code, what it printed, its errors and a failing exit code. */
export interface CodeView {
  code: string;
  output: string;
  errors: string;
  exitCode?: number;
}

/**
 * The code and results of a provider's code run: Anthropic `{ stdout, stderr, return_code }`,
 * OpenAI `{ outputs: [{ type: 'logs', logs }] }`, Gemini `[{ outcome, output }]`.
 *
 * @example codeView(part).output; // '338350\n'
 */
export function codeView(part: Pick<ToolCallPart, 'input' | 'output'>): CodeView {
  const input = record(part.input) ?? {};
  const code = text(input['code']) ?? text(input['command']) ?? '';
  const output = record(part.output);
  if (output !== undefined && ('stdout' in output || 'stderr' in output)) {
    const exitCode =
      typeof output['return_code'] === 'number' && output['return_code'] !== 0 ? output['return_code'] : undefined;
    return {
      code,
      output: text(output['stdout']) ?? '',
      errors: text(output['stderr']) ?? '',
      ...(exitCode !== undefined && { exitCode }),
    };
  }
  if (output !== undefined) {
    const logs = list(output['outputs']).flatMap((o) => text(record(o)?.['logs']) ?? []);
    return { code, output: logs.join(''), errors: '' };
  }
  const runs = list(part.output).map(record);
  const printed = (ok: boolean) =>
    runs
      .flatMap((r) => (r !== undefined && (r['outcome'] === 'OUTCOME_OK') === ok ? (text(r['output']) ?? []) : []))
      .join('');
  return { code, output: printed(true), errors: printed(false) };
}

/**
 * The page a web fetch read: its address and title.
 *
 * @example webFetchView(part); // { url: 'https://example.com', title: 'Example Domain' }
 */
export function webFetchView(part: Pick<ToolCallPart, 'input' | 'output'>): { url?: string; title?: string } {
  const output = record(part.output);
  const url = text(output?.['url']) ?? text(record(part.input)?.['url']);
  const title = text(record(output?.['content'])?.['title']);
  return { ...(url !== undefined && { url }), ...(title !== undefined && { title }) };
}

/**
 * What an image tool was asked to draw (OpenAI's `revised_prompt`), if its output says.
 *
 * @example imagePrompt({ output: { revised_prompt: 'Green hills' } }); // 'Green hills'
 */
export function imagePrompt(part: Pick<ToolCallPart, 'output'>): string | undefined {
  const prompt = text(record(part.output)?.['revised_prompt']);
  return prompt === '' ? undefined : prompt;
}
