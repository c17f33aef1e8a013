import { endedEarlyError, type RillErrorValue } from '../errors.js';
import { statusOfError } from './error-value.js';
import type { ToolInput } from './tool-input.js';
import type { Citation, Message, Part, StreamPart, ToolCallPart } from './types.js';

/** Applies stream parts one at a time and hands out immutable snapshots on demand. */
export interface MessageAccumulator {
  /** Applies one part; costs O(the part), whatever has arrived before. Parts after `done`/`error` are ignored. */
  push(part: StreamPart): void;
  /**
   * The message so far: a new immutable object after each push (the same object between pushes)
   * that shares every unchanged part with the previous snapshot. Costs O(#parts) plus the new
   * tool-input text and the citations of the text parts cited since the last snapshot, so take it
   * once per frame, not per part.
   */
  current(): Message;
  /**
   * Ends a message still streaming (nothing once it ended): with `failure`, else `interrupted`, as a
   * stream that stopped without `done` or `error` is. Every reader of parts ends its message here.
   */
  end(failure?: RillErrorValue): void;
}

interface ToolState {
  index: number;
  input: ToolInput;
  ended: boolean;
}

/**
 * The accumulator with the parser each tool call's input gets from `toolInput`: the stream store
 * passes one it imports at the first tool call, so a stream with none never loads @rill/json.
 *
 * @example const acc = accumulatorWith(createToolInput); acc.push({ type: 'tool-input-start', toolCallId: 'c1', toolName: 'search' });
 */
export function accumulatorWith(toolInput: () => ToolInput): MessageAccumulator {
  let meta: Omit<Message, 'parts'> = { role: 'assistant', status: 'streaming' };
  let started = false; // any part arrived: a network failure after it means the body ended early
  // Latest immutable part objects; a changed part is replaced, never mutated.
  const parts: Part[] = [];
  // `text:id` / `reasoning:id` → index in parts.
  const blocks = new Map<string, number>();
  const tools = new Map<string, ToolState>();
  // Tool calls whose input grew since the last snapshot: their partial value is taken lazily.
  const dirtyTools = new Set<ToolState>();
  // A text part's citations (index in parts → growing list), copied onto the part only when a snapshot is taken.
  const citations = new Map<number, Citation[]>();
  const dirtyCitations = new Set<number>();
  const sources = new Set<string>();
  const files = new Map<string, number>();
  const ignored = new Map<string, number>();
  let ignoredChanged = false;
  let snapshot: Message | undefined;

  const append = (part: Part): number => parts.push(part) - 1;

  const textIndex = (id: string): number => {
    const index = blocks.get(`text:${id}`);
    if (index !== undefined && parts[index]?.type === 'text') return index;
    const created = append({ type: 'text', text: '' });
    blocks.set(`text:${id}`, created);
    return created;
  };

  const textDelta = (id: string, delta: string): void => {
    const index = textIndex(id);
    const part = parts[index];
    if (part?.type === 'text') parts[index] = { ...part, text: part.text + delta };
  };

  const cite = (id: string, citation: Citation): void => {
    const index = textIndex(id);
    const list = citations.get(index);
    if (list === undefined) citations.set(index, [citation]);
    else list.push(citation);
    dirtyCitations.add(index);
  };

  const reasoning = (
    id: string,
    change: (part: Part & { type: 'reasoning' }) => Part & { type: 'reasoning' },
  ): void => {
    const index = blocks.get(`reasoning:${id}`);
    const part = index === undefined ? undefined : parts[index];
    if (index === undefined || part?.type !== 'reasoning')
      blocks.set(`reasoning:${id}`, append(change({ type: 'reasoning', text: '' })));
    else parts[index] = change(part);
  };

  const toolPart = (tool: ToolState): ToolCallPart | undefined => {
    const part = parts[tool.index];
    return part?.type === 'tool-call' ? part : undefined;
  };

  const toolOutput = (part: StreamPart & { type: 'tool-output' }): void => {
    const tool = tools.get(part.toolCallId);
    if (tool === undefined) return;
    let base = toolPart(tool);
    if (base === undefined) return;
    // A result ends the input, whatever came of it.
    if (!tool.ended) {
      tool.ended = true;
      dirtyTools.delete(tool);
      base = tool.input.complete(base);
    }
    const { errorText: _previous, ...rest } = base;
    const providerData =
      part.providerData === undefined ? base.providerData : { ...base.providerData, ...part.providerData };
    parts[tool.index] = {
      ...rest,
      output: part.output,
      ...(part.errorText === undefined
        ? { state: 'output-available' }
        : { state: 'output-error', errorText: part.errorText }),
      ...(providerData !== undefined && { providerData }),
    };
  };

  const apply = (part: StreamPart): void => {
    if (part.type !== 'error') started = true;
    switch (part.type) {
      case 'message-start':
        meta = {
          ...meta,
          ...(part.id !== undefined && { id: part.id }),
          ...(part.model !== undefined && { model: part.model }),
        };
        return;
      case 'text-delta':
        textDelta(part.id, part.delta);
        return;
      case 'reasoning-delta':
        reasoning(part.id, (r) => ({ ...r, text: r.text + part.delta }));
        return;
      case 'reasoning-signature':
        reasoning(part.id, (r) => ({
          ...r,
          signature: part.signature,
          ...(part.itemId !== undefined && { itemId: part.itemId }),
        }));
        return;
      case 'reasoning-redacted':
        reasoning(part.id, (r) => ({ ...r, text: r.text + part.data, redacted: true }));
        return;
      case 'reasoning-data':
        reasoning(part.id, (r) => ({ ...r, providerData: part.providerData }));
        return;
      case 'tool-input-start': {
        if (tools.has(part.toolCallId)) return;
        const call: ToolCallPart = {
          type: 'tool-call',
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          inputText: '',
          input: undefined,
          state: 'input-streaming',
        };
        if (part.providerExecuted) call.providerExecuted = true;
        if (part.providerData !== undefined) call.providerData = part.providerData;
        tools.set(part.toolCallId, { index: append(call), input: toolInput(), ended: false });
        return;
      }
      case 'tool-input-delta': {
        const tool = tools.get(part.toolCallId);
        if (tool === undefined || tool.ended) return;
        tool.input.push(part.delta);
        dirtyTools.add(tool);
        return;
      }
      case 'tool-input-end': {
        const tool = tools.get(part.toolCallId);
        const base = tool === undefined ? undefined : toolPart(tool);
        if (tool === undefined || base === undefined || tool.ended) return;
        tool.ended = true;
        dirtyTools.delete(tool);
        parts[tool.index] = tool.input.complete(base);
        return;
      }
      case 'tool-output':
        toolOutput(part);
        return;
      case 'source':
        if (sources.has(part.source.id)) return;
        sources.add(part.source.id);
        append({ type: 'source', ...part.source });
        return;
      case 'citation':
        cite(part.id, part.citation);
        return;
      case 'file': {
        const index = files.get(part.file.id);
        if (index === undefined) files.set(part.file.id, append({ type: 'file', ...part.file }));
        else parts[index] = { type: 'file', ...part.file };
        return;
      }
      case 'ignored':
        ignored.set(part.what, (ignored.get(part.what) ?? 0) + 1);
        ignoredChanged = true;
        return;
      case 'usage':
        meta = { ...meta, usage: { ...meta.usage, ...part.usage } };
        return;
      case 'finish':
        meta = {
          ...meta,
          finishReason: part.finishReason,
          ...(part.rawFinishReason !== undefined && { rawFinishReason: part.rawFinishReason }),
        };
        return;
      case 'done':
        meta = { ...meta, status: 'done' };
        return;
      case 'error':
        meta = { ...meta, status: statusOfError(part.error, started), error: part.error };
        return;
    }
  };

  return {
    push(part) {
      if (meta.status !== 'streaming') return;
      apply(part);
      snapshot = undefined;
    },
    current() {
      if (snapshot !== undefined) return snapshot;
      for (const tool of dirtyTools) {
        const base = toolPart(tool);
        if (base !== undefined) parts[tool.index] = tool.input.streaming(base);
      }
      dirtyTools.clear();
      for (const index of dirtyCitations) {
        const part = parts[index];
        if (part?.type === 'text') parts[index] = { ...part, citations: citations.get(index)?.slice() ?? [] };
      }
      dirtyCitations.clear();
      if (ignoredChanged) {
        meta = { ...meta, metadata: { ...meta.metadata, ignored: Object.fromEntries(ignored) } };
        ignoredChanged = false;
      }
      snapshot = { ...meta, parts: parts.slice() };
      return snapshot;
    },
    end(failure) {
      if (meta.status !== 'streaming') return;
      apply({ type: 'error', error: failure ?? endedEarlyError().toValue() });
      snapshot = undefined;
    },
  };
}
