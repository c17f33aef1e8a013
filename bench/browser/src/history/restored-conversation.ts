// The restored conversation of the long-conversation scenario: `count` messages, user and assistant
// turns in alternation, the same every run. Answers cycle through four shapes a chat really shows:
// Markdown prose (heading, emphasis, links, a list), a code fence between paragraphs, reasoning and a
// tool card before a short reply, and a quote with a numbered list. CommonMark only, so Rill's
// Markdown and react-markdown (without plugins) render the same structure.
import type { ChatMessage } from '@rill/core';
import type { UIMessage } from 'ai';

/** One restored turn, before either library's shape. */
interface Turn {
  role: 'user' | 'assistant';
  text: string;
  reasoning?: string;
  tool?: { name: string; input: Record<string, unknown>; output: Record<string, unknown> };
}

const cities = ['Paris', 'Lyon', 'Oslo', 'Kyoto', 'Lima', 'Accra', 'Quito', 'Perth'];

function answer(i: number): Turn {
  const city = cities[i % cities.length] ?? 'Paris';
  switch (i % 4) {
    case 0:
      return {
        role: 'assistant',
        text: `## Notes on ${city}, part ${i}\n\nThe **short answer** is that ${city} is worth a visit in spring; the *longer* one depends on what you like. See [the guide](https://example.com/guides/${i}) and \`trip-${i}.md\` for the details.\n\n- Museums open late on Thursdays, so plan one evening there.\n- Most of the old town is walkable; trams cover the rest.\n- Book popular restaurants a few days ahead in high season.\n\nLet me know if you want an itinerary for ${1 + (i % 5)} days.`,
      };
    case 1:
      return {
        role: 'assistant',
        text: `Here is a function that groups the bookings by day (version ${i}):\n\n\`\`\`ts\ninterface Booking {\n  id: string;\n  city: string;\n  at: Date;\n}\n\nexport function byDay(bookings: Booking[]): Map<string, Booking[]> {\n  const days = new Map<string, Booking[]>();\n  for (const booking of bookings) {\n    const day = booking.at.toISOString().slice(0, 10);\n    const list = days.get(day) ?? [];\n    list.push(booking);\n    days.set(day, list);\n  }\n  return days;\n}\n\`\`\`\n\nIt keeps the bookings of each day in the order they came, and runs in one pass over the list.`,
      };
    case 2:
      return {
        role: 'assistant',
        reasoning: `The user asks about the weather in ${city}. I should call the weather tool with the city, then summarise the temperature and the chance of rain in one sentence.`,
        tool: {
          name: 'getWeather',
          input: { city, unit: 'celsius' },
          output: {
            city,
            temperature: 10 + (i % 15),
            conditions: i % 3 ? 'cloudy' : 'sunny',
            rainChance: (i * 7) % 100,
          },
        },
        text: `It is ${10 + (i % 15)} °C and ${i % 3 ? 'cloudy' : 'sunny'} in ${city} right now, with a ${(i * 7) % 100}% chance of rain later today.`,
      };
    default:
      return {
        role: 'assistant',
        text: `> ${city} was founded long before the railway came, and most of its streets still follow the old walls.\n\nTo get there from the airport:\n\n1. Take the express train to the central station (about 25 minutes).\n2. Change to line ${1 + (i % 9)} towards the harbour.\n3. Get off at the third stop; the hotel is across the square.\n\nTickets for both legs can be bought at once, and they stay valid for ${60 + (i % 4) * 30} minutes.`,
      };
  }
}

function turns(count: number): Turn[] {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? { role: 'user', text: `Question ${i / 2 + 1}: what about ${cities[i % cities.length] ?? 'Paris'}?` }
      : answer(i),
  );
}

/**
 * The conversation as Rill's chat restores it (`useChat({ initialMessages })`).
 *
 * @example useChat({ ...options, initialMessages: rillHistory(1000) });
 */
export function rillHistory(count: number): ChatMessage[] {
  return turns(count).map((turn, i): ChatMessage => {
    const id = `h${i}`;
    if (turn.role === 'user') return { id, role: 'user', text: turn.text };
    const parts: Extract<ChatMessage, { role: 'assistant' }>['message']['parts'] = [];
    if (turn.reasoning) parts.push({ type: 'reasoning', text: turn.reasoning });
    if (turn.tool) {
      const { name, input, output } = turn.tool;
      parts.push({
        type: 'tool-call',
        toolCallId: `call-${i}`,
        toolName: name,
        inputText: JSON.stringify(input),
        input,
        state: 'output-available',
        output,
      });
    }
    parts.push({ type: 'text', text: turn.text });
    return { id, role: 'assistant', message: { id, role: 'assistant', parts, status: 'done', finishReason: 'stop' } };
  });
}

/**
 * The same conversation as the AI SDK restores it (`useChat({ messages })`): text, reasoning and static tool parts.
 *
 * @example useChat({ transport, messages: aiSdkHistory(1000) });
 */
export function aiSdkHistory(count: number): UIMessage[] {
  return turns(count).map((turn, i): UIMessage => {
    const id = `h${i}`;
    if (turn.role === 'user') return { id, role: 'user', parts: [{ type: 'text', text: turn.text }] };
    const parts: UIMessage['parts'] = [];
    if (turn.reasoning) parts.push({ type: 'reasoning', text: turn.reasoning, state: 'done' });
    if (turn.tool) {
      const { name, input, output } = turn.tool;
      parts.push({ type: `tool-${name}`, toolCallId: `call-${i}`, state: 'output-available', input, output });
    }
    parts.push({ type: 'text', text: turn.text, state: 'done' });
    return { id, role: 'assistant', parts };
  });
}
