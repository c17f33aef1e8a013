/** A fault the panel can inject, with the `x-rill-mock-fault` spec that produces it. */
export interface FaultOption {
  id: string;
  label: string;
  spec: string;
  /** What the UI should do about it, shown next to the choice. */
  expect: string;
  /** What it does instead when the mock sits behind the relay (the fault then hits the relay's upstream connection). */
  behindRelay?: string;
}

export const faultOptions: readonly FaultOption[] = [
  {
    id: 'drop',
    label: 'Dropped connection',
    spec: 'drop-after=14',
    expect: 'reconnect banner, then the answer resumes from the last event id',
    // A provider's stream has no ids to resume from; a drop between the browser and the relay resumes (reload the page to see it).
    behindRelay:
      'the provider’s connection to the relay breaks, and a provider stream cannot be resumed: the answer is marked interrupted, with Retry',
  },
  {
    id: 'stall',
    label: 'Stall',
    spec: 'stall=5000;after=10',
    expect: 'no byte for 1.5 s: the idle timeout reconnects and resumes',
  },
  {
    id: '429',
    label: '429 rate limit',
    spec: '429;retry-after=2',
    expect: 'the banner shows the server’s 2 s wait, then the answer streams',
  },
  { id: '500', label: '500 server error', spec: '500', expect: 'retried with backoff before the answer starts' },
  {
    id: 'malformed',
    label: 'Malformed event',
    spec: 'malformed;after=8',
    expect: 'a typed error; what arrived is kept',
  },
  {
    id: 'no-terminator',
    label: 'No terminator',
    spec: 'no-terminator',
    expect: 'the answer is marked interrupted, with Retry',
  },
  {
    id: 'buffering',
    label: 'Proxy buffering',
    spec: 'buffer=700',
    expect: 'bursts every 0.7 s: the metrics flag buffering',
  },
];
