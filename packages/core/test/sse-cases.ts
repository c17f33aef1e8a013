import type { SSEEvent } from '../src/sse/index.js';

/**
 * The WHATWG "event stream interpretation" rules, one case each. `chunks` are pushed in order
 * (strings as strings, number arrays as raw bytes); `end()` follows. Expected `comments` and
 * `retries` default to none.
 */
export interface SSECase {
  rule: string;
  chunks: (string | number[])[];
  events: SSEEvent[];
  comments?: string[];
  retries?: number[];
}

const message = (data: string, id = ''): SSEEvent => ({ event: 'message', data, id });

export const sseCases: SSECase[] = [
  { rule: 'LF ends a line', chunks: ['data: a\n\n'], events: [message('a')] },
  { rule: 'CR ends a line', chunks: ['data: a\r\r'], events: [message('a')] },
  { rule: 'CRLF ends a line', chunks: ['data: a\r\n\r\n'], events: [message('a')] },
  { rule: 'line ends may be mixed', chunks: ['data: a\rdata: b\r\ndata: c\n\r\n'], events: [message('a\nb\nc')] },
  {
    rule: 'a CRLF split across chunks is one line end',
    chunks: ['data: a\r', '\ndata: b\r', '\n\r', '\n'],
    events: [message('a\nb')],
  },
  {
    rule: 'a CR at the end of a chunk followed by CR is two line ends',
    chunks: ['data: a\r', '\r'],
    events: [message('a')],
  },
  { rule: 'a leading BOM is stripped', chunks: ['\uFEFFdata: a\n\n'], events: [message('a')] },
  {
    rule: 'a leading BOM split into single bytes is stripped',
    chunks: [[0xef], [0xbb], [0xbf], 'data: a\n\n'],
    events: [message('a')],
  },
  { rule: 'only one leading BOM is stripped', chunks: ['\uFEFF\uFEFFdata: a\n\ndata: b\n\n'], events: [message('b')] },
  { rule: 'a BOM after the start is not stripped', chunks: ['data: a\n\n\uFEFFdata: b\n\n'], events: [message('a')] },
  { rule: 'data lines are joined with LF', chunks: ['data: a\ndata: b\ndata: c\n\n'], events: [message('a\nb\nc')] },
  { rule: 'one space after the colon is removed', chunks: ['data: a\n\n'], events: [message('a')] },
  { rule: 'only one space after the colon is removed', chunks: ['data:  a \n\n'], events: [message(' a ')] },
  { rule: 'no space after the colon is needed', chunks: ['data:a\n\n'], events: [message('a')] },
  { rule: 'later colons belong to the value', chunks: ['data: a: b:c\n\n'], events: [message('a: b:c')] },
  { rule: 'a line without a colon is a field with an empty value', chunks: ['data\n\n'], events: [message('')] },
  { rule: 'an empty data line dispatches an empty event', chunks: ['data:\n\n'], events: [message('')] },
  { rule: 'two empty data lines give one LF', chunks: ['data:\ndata:\n\n'], events: [message('\n')] },
  { rule: 'only the last LF of the data buffer is removed', chunks: ['data: a\ndata:\n\n'], events: [message('a\n')] },
  { rule: 'an event without data lines is not dispatched', chunks: ['event: x\nid: 1\n\n'], events: [] },
  {
    rule: 'an undispatched event type does not leak into the next event',
    chunks: ['event: x\n\ndata: a\n\n'],
    events: [message('a')],
  },
  { rule: 'unknown fields are ignored', chunks: ['foo: bar\ndata: a\nbaz\n\n'], events: [message('a')] },
  { rule: 'field names are case-sensitive', chunks: ['Data: a\nDATA: b\n\n'], events: [] },
  {
    rule: 'a space before the colon is part of the field name',
    chunks: ['data : a\ndata: b\n\n'],
    events: [message('b')],
  },
  {
    rule: 'comments are ignored and reported without the leading space',
    chunks: [': hello\n:world\n:  two\ndata: a\n\n'],
    events: [message('a')],
    comments: ['hello', 'world', ' two'],
  },
  { rule: 'a comment alone is not an event', chunks: [': ping\n\n'], events: [], comments: ['ping'] },
  { rule: 'the event type defaults to "message"', chunks: ['data: a\n\n'], events: [message('a')] },
  {
    rule: 'the event field sets the type',
    chunks: ['event: delta\ndata: a\n\n'],
    events: [{ event: 'delta', data: 'a', id: '' }],
  },
  { rule: 'an empty event field means "message"', chunks: ['event:\ndata: a\n\n'], events: [message('a')] },
  {
    rule: 'the event type resets after each event',
    chunks: ['event: x\ndata: a\n\ndata: b\n\n'],
    events: [{ event: 'x', data: 'a', id: '' }, message('b')],
  },
  {
    rule: 'the last event id persists across events',
    chunks: ['id: 1\ndata: a\n\ndata: b\n\n'],
    events: [message('a', '1'), message('b', '1')],
  },
  {
    rule: 'an id on an event without data still counts',
    chunks: ['id: 5\n\ndata: a\n\n'],
    events: [message('a', '5')],
  },
  {
    rule: 'an empty id resets the last event id',
    chunks: ['id: 1\ndata: a\n\nid\ndata: b\n\nid: 2\ndata: c\n\nid:\ndata: d\n\n'],
    events: [message('a', '1'), message('b'), message('c', '2'), message('d')],
  },
  {
    rule: 'an id containing NULL is ignored',
    chunks: ['id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n'],
    events: [message('a', '1'), message('b', '1')],
  },
  { rule: 'retry with only digits is reported', chunks: ['retry: 3000\nretry:0\n'], events: [], retries: [3000, 0] },
  {
    rule: 'retry with anything but digits is ignored',
    chunks: ['retry: 30a\nretry: -1\nretry: 1.5\nretry:\nretry\nretry:  100\nretry: 1e3\n'],
    events: [],
  },
  {
    rule: 'retry does not disturb the event around it',
    chunks: ['data: a\nretry: 10\ndata: b\n\n'],
    events: [message('a\nb')],
    retries: [10],
  },
  {
    rule: 'an event still open at the end of the stream is discarded',
    chunks: ['data: a\n\ndata: b\n'],
    events: [message('a')],
  },
  { rule: 'an unterminated last line is discarded', chunks: ['data: a\n\ndata: b'], events: [message('a')] },
  { rule: 'an event ended by a CR at the very end is dispatched', chunks: ['data: a\r\r'], events: [message('a')] },
  { rule: 'blank lines between events dispatch nothing', chunks: ['\n\n\ndata: a\n\n\n\n'], events: [message('a')] },
  {
    rule: 'invalid UTF-8 decodes to U+FFFD',
    chunks: ['data: ', [0xff, 0xfe], 'a\n\n'],
    events: [message('\uFFFD\uFFFDa')],
  },
  {
    rule: 'a multibyte character cut short by the line end decodes to one U+FFFD',
    chunks: ['data: ', [0xe2, 0x82], '\n\n'],
    events: [message('\uFFFD')],
  },
  {
    rule: 'invalid UTF-8 in the event type decodes to U+FFFD',
    chunks: ['event: ', [0xc3], '\ndata: a\n\n'],
    events: [{ event: '\uFFFD', data: 'a', id: '' }],
  },
  {
    rule: 'multibyte characters survive being split across chunks',
    chunks: ['data: ', [0xf0, 0x9f], [0x98], [0x80, 0x0a, 0x0a]],
    events: [message('\u{1F600}')],
  },
  { rule: 'string chunks work like bytes', chunks: ['data: é€', '😀\n', '\n'], events: [message('é€😀')] },
  {
    rule: 'a surrogate pair split between two string chunks is one character',
    chunks: ['data: \uD83D', '\uDE00\n\n'],
    events: [message('😀')],
  },
  {
    rule: 'a high surrogate that no low one follows decodes to U+FFFD',
    chunks: ['data: \uD83D', 'a\n\n'],
    events: [message('\uFFFDa')],
  },
  {
    rule: 'a high surrogate that bytes follow decodes to U+FFFD',
    chunks: ['data: \uD83D', [0x61, 0x0a, 0x0a]],
    events: [message('\uFFFDa')],
  },
];
