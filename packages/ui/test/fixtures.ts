import type { Message, ReasoningPart, ToolCallPart } from '@rill/core';

/** A Markdown answer with most constructs, for stories, tests and the bench. */
export const markdownAnswer = `# Streaming Markdown

Rill renders **bold**, *emphasis*, \`inline code\`, ~~struck~~ text and [safe links](https://example.com).

- one item
- another with \`code\`
- [x] a finished task

1. first
2. second

> A quote from the model.

\`\`\`ts
const stream = useStream({ url: '/api/chat', provider: 'anthropic' });
\`\`\`

| provider | terminator |
| --- | --- |
| Anthropic | \`message_stop\` |
| OpenAI | \`[DONE]\` |
`;

/** Model output that tries to inject markup or script. */
export const hostileMarkdown = `<script>alert("xss")</script>

<img src="x" onerror="alert(1)">

[click me](javascript:alert(1)) and [encoded](JaVaScRiPt&#58;alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)

![pixel](https://tracker.example/p.gif?secret=1)

Entities: &lt;b&gt;not bold&lt;/b&gt; &amp; <b>raw tag</b>
`;

export const weatherInput = { city: 'Paris', unit: 'celsius', days: 3 };

/** A tool call in a given state, with the input that state implies. */
export function toolCall(state: ToolCallPart['state'], overrides: Partial<ToolCallPart> = {}): ToolCallPart {
  const streaming = state === 'input-streaming';
  return {
    type: 'tool-call',
    toolCallId: 'call_1',
    toolName: 'get_weather',
    inputText: streaming ? '{"city": "Paris", "unit": "cel' : JSON.stringify(weatherInput),
    input: streaming ? { city: 'Paris', unit: 'cel' } : weatherInput,
    state,
    ...(state === 'output-available' && { output: { temperature: 18, sky: 'cloudy' } }),
    ...(state === 'output-error' && { errorText: 'Weather service timed out after 10 s.' }),
    ...overrides,
  };
}

export const reasoningPart: ReasoningPart = {
  type: 'reasoning',
  text: 'The user asks for the weather in Paris. I should call get_weather with the city, then summarise the forecast in one sentence.',
};

export const redactedReasoning: ReasoningPart = { type: 'reasoning', text: 'EuYBCkQYAiJAk3...', redacted: true };

/** An assistant message with reasoning, a tool call and text, in a given status. */
export function assistantMessage(
  status: Message['status'],
  text = 'It will be **18 °C** and cloudy in Paris.',
): Message {
  return {
    id: 'msg_1',
    role: 'assistant',
    status,
    parts: [reasoningPart, toolCall('output-available'), { type: 'text', text }],
    ...(status === 'interrupted' && {
      error: { kind: 'interrupted', message: 'The connection dropped after 42 events.', retryable: true },
    }),
    ...(status === 'error' && {
      error: { kind: 'http', status: 500, message: 'The provider answered 500.', retryable: true },
    }),
  };
}
