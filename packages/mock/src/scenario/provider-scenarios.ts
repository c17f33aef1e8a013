import { SAMPLE_IMAGE_PARTIAL_PNG, SAMPLE_IMAGE_PNG } from './sample-image.js';
import type { MockCitation, MockScenario, MockSource } from './types.js';

const MDN: MockSource = {
  url: 'https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events/Using_server-sent_events',
  title: 'Using server-sent events - Web APIs | MDN',
};
const WHATWG: MockSource = {
  url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html',
  title: 'HTML Standard: Server-sent events',
};
const RFC: MockSource = { url: 'https://www.rfc-editor.org/rfc/rfc9110.html', title: 'RFC 9110: HTTP Semantics' };

const SEARCH_ANSWER =
  'A browser’s `EventSource` reconnects by itself when the connection drops, after the `retry` delay the server last sent. ' +
  'On reconnecting it sends the id of the last event it received in a `Last-Event-ID` header, so the server can continue from there. ' +
  'A reader built on `fetch`, like Rill’s, does both itself.';

/** The citation of `words` (their first occurrence in `text`) by `source`. */
function cite(text: string, words: string, source: MockSource): MockCitation {
  const start = text.indexOf(words);
  return { source, start, end: start + words.length };
}

/**
 * Scenarios with what real provider streams carry besides text: a web search the provider runs
 * and an answer citing its sources, code the provider runs with its output, a generated image,
 * and a function call whose arguments Gemini streams piece by piece.
 *
 * @example createMockProvider({ scenario: providerScenarios['web-search'] });
 */
export const providerScenarios = {
  'web-search': {
    name: 'web-search',
    parts: [
      {
        type: 'web-search',
        id: 'ws_mock_search_1',
        query: 'how does EventSource reconnect Last-Event-ID',
        results: [MDN, WHATWG, RFC],
      },
      {
        type: 'text',
        text: SEARCH_ANSWER,
        citations: [
          cite(
            SEARCH_ANSWER,
            'reconnects by itself when the connection drops, after the `retry` delay the server last sent',
            MDN,
          ),
          cite(SEARCH_ANSWER, 'sends the id of the last event it received in a `Last-Event-ID` header', WHATWG),
          cite(SEARCH_ANSWER, 'sends the id of the last event it received in a `Last-Event-ID` header', MDN),
        ],
      },
    ],
  },
  'code-execution': {
    name: 'code-execution',
    parts: [
      { type: 'text', text: 'I will compute it in the sandbox. ' },
      {
        type: 'code-execution',
        id: 'ci_mock_code_1',
        code: 'squares = sum(i * i for i in range(1, 101))\nprint(squares)',
        output: '338350\n',
      },
      { type: 'text', text: 'The sum of the squares of 1 to 100 is **338,350**.' },
    ],
  },
  image: {
    name: 'image',
    parts: [
      { type: 'text', text: 'Here is a quiet landscape.' },
      {
        type: 'image',
        id: 'ig_mock_image_1',
        mediaType: 'image/png',
        data: SAMPLE_IMAGE_PNG,
        partials: [SAMPLE_IMAGE_PARTIAL_PNG],
        prompt: 'Green hills under a morning sun, flat colours.',
      },
    ],
  },
  'streamed-tool-args': {
    name: 'streamed-tool-args',
    parts: [
      {
        type: 'tool-call',
        toolCallId: 'call_forecast_1',
        toolName: 'get_forecast',
        input: {
          location: 'San Francisco, CA',
          days: 3,
          units: { temperature: 'celsius', wind: 'km/h' },
          hours: [9, 12, 18],
          alerts: true,
        },
        streamArguments: true,
      },
    ],
  },
} satisfies Record<string, MockScenario>;
