/**
 * An SSE endpoint the test writes by hand, served through the hooks' `fetch` option, recording
 * whether the client cancelled the response body. (MSW's Node interceptor does not pass a reader's
 * cancel back to the handler's stream, so a fetch double is what can observe it.)
 */
export interface ControlledSSE {
  /** Writes raw SSE text as one chunk to the latest response. */
  write(text: string): void;
  /** Closes the latest response body cleanly. */
  close(): void;
  /** Requests served so far. */
  readonly requests: number;
  /** The client cancelled the latest response body (its reader was cancelled). */
  readonly cancelled: boolean;
  /** The `fetch` to hand to the hook. */
  fetch: typeof fetch;
}

/**
 * Creates a hand-driven SSE endpoint.
 *
 * @example const sse = controlledSSE(); render(<Answer options={{ url, provider: 'openai-chat', fetch: sse.fetch }} />); sse.write('data: {}\n\n');
 */
export function controlledSSE(): ControlledSSE {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let requests = 0;
  let cancelled = false;
  const fetchDouble = async (): Promise<Response> => {
    requests += 1;
    cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
      },
      cancel: () => {
        cancelled = true;
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  return {
    write: (text) => {
      if (!cancelled) controller?.enqueue(encoder.encode(text));
    },
    close: () => controller?.close(),
    get requests() {
      return requests;
    },
    get cancelled() {
      return cancelled;
    },
    fetch: fetchDouble,
  };
}

/**
 * Replaces requestAnimationFrame with frames the test runs by hand.
 *
 * @example const frames = manualFrames(); vi.stubGlobal('requestAnimationFrame', frames.request); frames.flush();
 */
export function manualFrames() {
  const frames = new Map<number, FrameRequestCallback>();
  let next = 0;
  return {
    request: (callback: FrameRequestCallback): number => {
      frames.set(++next, callback);
      return next;
    },
    cancel: (id: number): void => {
      frames.delete(id);
    },
    /** Runs every pending frame callback once. */
    flush: (): void => {
      const due = [...frames.values()];
      frames.clear();
      for (const callback of due) callback(performance.now());
    },
  };
}
