import { createIncrementalParser } from '@rill/json';
import { createPartialJsonParser } from '@rill/json/partial-json';
import { loadTreeSitterBackend } from '@rill/json/tree-sitter';
import { describe, expect, it, vi } from 'vitest';
import type { StreamPart } from '../message/types.js';
import type { PartSource } from './part-source.js';
import { createStructuredStore, type StructuredParserFactory, type StructuredState } from './structured-store.js';

const backends: [string, StructuredParserFactory][] = [
  ['incremental', createIncrementalParser],
  ['partial-json', createPartialJsonParser],
  ['tree-sitter', await loadTreeSitterBackend()],
];

/** A source that yields `deltas` as text, one per part, then `done`; it records how far it was read and whether the run was stopped. */
function textSource(deltas: readonly string[]) {
  const seen = { read: 0, stopped: false };
  const source: PartSource = async function* ({ stopSignal }) {
    stopSignal?.addEventListener('abort', () => (seen.stopped = true));
    for (const delta of deltas) {
      seen.read++;
      yield { type: 'text-delta', id: 't', delta };
    }
    yield { type: 'done' };
  };
  return { source, seen };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('createStructuredStore', () => {
  it('reports completed paths per snapshot without changing an earlier snapshot', async () => {
    const queue: StreamPart[] = [];
    let wake: (() => void) | undefined;
    const emit = (delta: string) => {
      queue.push({ type: 'text-delta', id: 't', delta });
      wake?.();
    };
    const store = createStructuredStore({
      throttle: 1,
      source: async function* ({ signal }) {
        for (;;) {
          while (queue.length > 0) yield queue.shift() as StreamPart;
          if (signal.aborted) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      },
    });
    store.start();
    emit('{"steps": ["Mix", "Ba');
    await settle();
    const first = store.getSnapshot();
    expect(first.completedPaths).toEqual([['steps', 0]]);
    emit('ke"], "minutes": 20}');
    await settle();
    const second = store.getSnapshot();
    expect(second.completedPaths).toEqual([['steps', 0], ['steps', 1], ['steps'], ['minutes'], []]);
    expect(second.isComplete).toBe(true);
    expect(first.completedPaths).toEqual([['steps', 0]]);
    store.stop();
  });

  it('attach() parses the re-read run from a fresh parser: the object is the whole one, not the first read spliced with it', async () => {
    const json = '{"title":"Bread","minutes":20}';
    const handle = {
      runId: 'r1',
      resumeUrl: 'https://relay.test/rill/runs/r1',
      stopUrl: 'https://relay.test/rill/runs/r1/stop',
      startId: '0',
      lastEventId: '3',
    };
    const store = createStructuredStore<{ title: string; minutes: number }>({
      throttle: 1,
      // A re-attach reads the run from its start: the whole text again; the first read stops halfway.
      source: async function* ({ attach, signal }) {
        yield { type: 'text-delta', id: 't', delta: attach === undefined ? json.slice(0, 17) : json };
        if (attach !== undefined) yield { type: 'done' };
        else await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      },
    });
    store.start();
    await settle();
    expect(store.getSnapshot().object).toEqual({ title: 'Bread' });
    store.attach(handle);
    await settle();
    expect(store.getSnapshot()).toMatchObject({
      status: 'done',
      object: { title: 'Bread', minutes: 20 },
      isComplete: true,
    });
    expect(store.getSnapshot().error).toBeUndefined();
  });

  const finished = (text: string) => {
    const seen: { finished?: StructuredState<{ a: number }>; calls: string[] } = { calls: [] };
    const store = createStructuredStore<{ a: number }>({
      source: async function* () {
        yield { type: 'text-delta', id: 't', delta: text };
        yield { type: 'finish', finishReason: 'stop' };
        yield { type: 'done' };
      },
      onError: (error) => seen.calls.push(`onError ${error.kind}`),
      onFinish: (state) => {
        seen.calls.push('onFinish');
        seen.finished = state;
      },
    });
    store.start();
    return { store, seen };
  };

  it('gives onFinish the structured final state, the same snapshot subscribers get', async () => {
    const { store, seen } = finished('{"a": 1}');
    await vi.waitFor(() => expect(seen.finished).toBeDefined());
    expect(seen.finished).toBe(store.getSnapshot());
    expect(seen.finished).toMatchObject({ status: 'done', object: { a: 1 }, isComplete: true });
    expect(seen.calls).toEqual(['onFinish']);
  });

  it('calls onError, then onFinish, with the invalid-output error of bad JSON', async () => {
    const { store, seen } = finished('{"a": 1} oops');
    await vi.waitFor(() => expect(seen.finished).toBeDefined());
    expect(seen.calls).toEqual(['onError invalid-output', 'onFinish']);
    expect(seen.finished).toBe(store.getSnapshot());
    expect(seen.finished).toMatchObject({
      status: 'error',
      object: { a: 1 },
      isComplete: false,
      error: { kind: 'invalid-output' },
    });
  });

  describe.each(backends)('with the %s parser', (_name, parser) => {
    const schema = {
      type: 'object',
      properties: {
        items: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
      },
    };

    it('ends a schema violation at once with status error, stops the run and leaves the violating value out of object', async () => {
      const deltas = ['{"items":[{"id":1},', '{"id":2.5}', ',{"id":3}', ',{"id":4}', ']}'];
      const { source, seen } = textSource(deltas);
      const onError = vi.fn();
      const onFinish = vi.fn();
      const store = createStructuredStore<{ items: { id: number }[] }>({ source, schema, parser, onError, onFinish });
      store.start();
      await vi.waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
      const final = store.getSnapshot();
      expect(final).toMatchObject({
        status: 'error',
        isComplete: false,
        error: { kind: 'invalid-output', retryable: true },
        object: { items: [{ id: 1 }, {}] },
      });
      expect(final.error?.message).toContain('$.items[1].id');
      expect(final.message?.status).toBe('error');
      expect(onError).toHaveBeenCalledWith(final.error);
      expect(onFinish).toHaveBeenCalledWith(final);
      expect(seen.stopped).toBe(true);
      expect(seen.read).toBeLessThan(deltas.length);
    });

    it('ends a document that stops early with status error, keeping what arrived', async () => {
      const { source } = textSource(['{"items":[{"id":1},', '{"id"']);
      const store = createStructuredStore({ source, schema, parser });
      store.start();
      await vi.waitFor(() => expect(store.getSnapshot().status).toBe('error'));
      expect(store.getSnapshot()).toMatchObject({
        error: { kind: 'invalid-output' },
        object: { items: [{ id: 1 }, {}] },
        isComplete: false,
      });
    });

    it('ends done with the whole object when the document keeps to the schema', async () => {
      const { source, seen } = textSource(['{"items":[{"id":1},', '{"id":2}]}']);
      const store = createStructuredStore({ source, schema, parser });
      store.start();
      await vi.waitFor(() => expect(store.getSnapshot().status).toBe('done'));
      expect(store.getSnapshot()).toMatchObject({ object: { items: [{ id: 1 }, { id: 2 }] }, isComplete: true });
      expect(store.getSnapshot().error).toBeUndefined();
      expect(seen.stopped).toBe(false);
    });
  });
});
