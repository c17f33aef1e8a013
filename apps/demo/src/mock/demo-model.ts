import { builtinScenarios, type MockPart, type MockRequestContext, type MockScenario } from '@rill/mock';
import { trailingToolResults } from './tool-results.js';

const LONG_ANSWER = [
  '## Why streaming feels fast',
  '',
  'A streamed answer starts **as soon as the first token exists**, so the reader begins while the model is still writing. Rill keeps that promise end to end:',
  '',
  '1. The SSE decoder reads only the new bytes of each chunk.',
  '2. The transport retries before the answer starts and resumes with `Last-Event-ID` after it.',
  '3. The store commits at most once per animation frame, whatever the token rate.',
  '',
  'When a proxy buffers the stream, tokens arrive in large bursts after long silences; the metrics panel flags it and says what to change on the proxy.',
  '',
  '```ts',
  "const chat = useChat({ provider: 'anthropic', url, model });",
  "chat.send('Hello');",
  '```',
  '',
  'A dropped connection is not the end of the answer either: what arrived stays on screen, the banner counts the reconnect, and the rest continues from the last event id, with no word shown twice.',
].join('\n');

const REASONING =
  'The user asks how many days a leap year has. A common year has 365 days; a leap year adds February 29, so 366.';

function text(value: string): MockPart {
  return { type: 'text', text: value };
}

function toolCall(name: string, input: Record<string, unknown>, turn: number): MockPart {
  return { type: 'tool-call', toolCallId: `call_${name}_${turn}`, toolName: name, input };
}

/**
 * A built-in scenario's parts for this turn: its provider-run parts get ids of their own (a
 * conversation sends them back), and a web search searches for what the user asked.
 */
function providerRun(name: 'web-search' | 'code-execution' | 'image', turn: number, query?: string): MockPart[] {
  return builtinScenarios[name].parts.map((part): MockPart => {
    if (part.type === 'web-search') return { ...part, id: `ws_demo_${turn}`, query: query ?? part.query };
    if (part.type === 'code-execution' || part.type === 'image') return { ...part, id: `${part.id}_${turn}` };
    return part;
  });
}

const WEB_SEARCH = /\bsearch (?:the web|online)\b(?:\s+for)?\s*(.*)$/i;

/** The arithmetic in a prompt, e.g. "What is 12 * (3 + 4)?" gives "12 * (3 + 4)". */
function arithmetic(prompt: string): string | undefined {
  const found = prompt.match(/[\d(][\d\s+\-*/().]*[\d)]/g)?.find((s) => /[+\-*/]/.test(s));
  return found?.trim();
}

function answerTo(prompt: string, turn: number): MockPart[] {
  const lower = prompt.toLowerCase();
  // Tools the provider runs itself come first: "search the web for the weather" is a search.
  const search = WEB_SEARCH.exec(prompt);
  if (search !== null) return providerRun('web-search', turn, search[1]?.trim() || prompt.trim());
  if (/\b(?:python|run (?:some )?code|execute)\b/.test(lower)) return providerRun('code-execution', turn);
  if (/\b(?:draw|picture|image)\b/.test(lower)) return providerRun('image', turn);
  if (lower.includes('weather')) {
    const city = /\bin ([A-Z][\w-]*(?: [A-Z][\w-]*)?)/.exec(prompt)?.[1] ?? 'Paris';
    return [text('Let me check the weather.'), toolCall('get_weather', { city }, turn)];
  }
  const expression = arithmetic(prompt);
  if (expression !== undefined)
    return [text('I will use the calculator.'), toolCall('calculator', { expression }, turn)];
  if (lower.includes('email')) {
    return [
      text('I drafted the email; it goes out once you approve it.'),
      toolCall('send_email', { to: 'team@example.com', subject: 'Status update', body: prompt }, turn),
    ];
  }
  if (lower.includes('think') || lower.includes('leap')) {
    return [
      { type: 'reasoning', text: REASONING, signature: 'ZGVtby1zaWduYXR1cmU=' },
      text('A leap year has **366 days**: February gets a 29th.'),
    ];
  }
  if (lower.includes('long') || lower.includes('stream')) return [text(LONG_ANSWER)];
  return [
    text(
      `You asked: *${prompt.trim() || 'nothing'}*.\n\nThis answer is **streamed** by Rill’s mock provider, a few words at a time, and rendered as Markdown:\n\n- try “weather in Paris”, “what is 12 * (3 + 4)”, “send an email” or “think about leap years”;\n- or tools the provider runs itself: “search the web for how EventSource reconnects”, “run some Python”, “draw a landscape”;\n- switch the provider above: the conversation carries over.`,
    ),
  ];
}

/**
 * The demo's mock model: it answers tool results with a summary, and otherwise picks an answer
 * by the prompt's words (a web search, code or an image the provider makes itself, a weather or
 * calculator tool call, an email that needs approval, reasoning, a long Markdown answer, or an
 * echo), the same way in every provider's wire format.
 *
 * @example createMockProvider({ scenario: demoModel });
 */
export function demoModel(context: MockRequestContext): MockScenario {
  // The request grows with every turn, so its size numbers tool calls uniquely within a conversation.
  const turn = JSON.stringify(context.body).length;
  const results = trailingToolResults(context.provider, context.body);
  if (results.length > 0) {
    return {
      name: 'tool-answer',
      parts: [text(`The tool answered \`${results.join('`, `')}\`. That settles it — anything else?`)],
    };
  }
  return { name: 'demo', parts: answerTo(context.lastUserText ?? '', turn) };
}
