import type { MockFault, MockFaultSpec } from './types.js';

/** A fault spec that could not be read, with the reason. */
export interface FaultSyntaxError {
  error: string;
}

const DEFAULT_AFTER_EVENTS = 2;

function count(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n) || n < 0)
    throw new RangeError(`${what} needs a whole number, got "${value ?? ''}"`);
  return n;
}

function fault(name: string, value: string | undefined, opts: Map<string, string>): MockFault {
  const after = (): number => (opts.has('after') ? count(opts.get('after'), 'after') : DEFAULT_AFTER_EVENTS);
  switch (name) {
    case 'drop-after':
      return { type: 'drop', afterEvents: count(value, 'drop-after') };
    case 'stall':
      return {
        type: 'stall',
        ms: count(value, 'stall'),
        afterEvents: after(),
        ...(opts.has('heartbeat') && { heartbeatMs: count(opts.get('heartbeat'), 'heartbeat') }),
      };
    case 'malformed':
      return { type: 'malformed', afterEvents: after() };
    case 'no-terminator':
      return { type: 'no-terminator' };
    case 'buffer':
      return { type: 'buffering', windowMs: count(value, 'buffer') };
    case '429':
      return {
        type: 'rate-limit',
        retryAfterSeconds: opts.has('retry-after') ? count(opts.get('retry-after'), 'retry-after') : 1,
      };
    case '500':
    case '503':
      return { type: 'server-error', status: name === '500' ? 500 : 503 };
    case 'html':
      if (value !== undefined && value !== '200' && value !== '502')
        throw new RangeError(`html takes 200 or 502, got "${value}"`);
      return { type: 'html', status: value === '502' ? 502 : 200 };
    default:
      throw new RangeError(
        `unknown fault "${name}" (known: drop-after=N, stall=MS, malformed, no-terminator, buffer=MS, 429, 500, 503, html[=502])`,
      );
  }
}

/**
 * Reads the `x-rill-mock-fault` header form: `name[=value]` then `;key=value` options.
 * `after=N` places stall and malformed faults; `times=N|always` sets how many requests it hits.
 *
 * @example
 * parseFault('drop-after=5');                       // { type: 'drop', afterEvents: 5 }
 * parseFault('stall=3000;after=4;heartbeat=500');   // a 3 s stall after 4 events, with heartbeats
 * parseFault('429;retry-after=2;times=2');          // rate limited twice, then served
 */
export function parseFault(text: string): MockFaultSpec | FaultSyntaxError {
  const [head = '', ...rest] = text.split(';').map((s) => s.trim());
  const [name = '', value] = head.split('=', 2);
  const opts = new Map<string, string>();
  for (const option of rest) {
    const [key = '', val = ''] = option.split('=', 2);
    opts.set(key.trim(), val.trim());
  }
  try {
    const times = opts.get('times');
    return {
      ...fault(name.trim(), value?.trim(), opts),
      ...(times !== undefined && { times: times === 'always' ? Infinity : count(times, 'times') }),
    };
  } catch (err) {
    return { error: `Bad x-rill-mock-fault "${text}": ${err instanceof Error ? err.message : String(err)}` };
  }
}
