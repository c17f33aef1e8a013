import type { ChatTool } from '@rill/core';
import { calculate } from './calculator.js';

const CONDITIONS = ['sunny', 'cloudy', 'light rain', 'windy'];

const field = (input: unknown, key: string): string => {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : '';
};

/** A made-up but stable forecast: the same city always gets the same weather. */
function forecast(city: string): { city: string; temperatureC: number; conditions: string } {
  let hash = 0;
  for (const char of city) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return { city, temperatureC: 8 + (hash % 20), conditions: CONDITIONS[hash % CONDITIONS.length] ?? 'sunny' };
}

/** The client tools of the demo chat: two run at once, the email waits for approval. */
export const demoTools: Record<string, ChatTool> = {
  get_weather: {
    description: 'Current weather for a city',
    inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    execute: (input) => forecast(field(input, 'city') || 'Paris'),
  },
  calculator: {
    description: 'Evaluates an arithmetic expression',
    inputSchema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
    execute: (input) => ({ result: calculate(field(input, 'expression')) }),
  },
  send_email: {
    description: 'Sends an email on the user’s behalf',
    inputSchema: {
      type: 'object',
      properties: { to: { type: 'string' }, subject: { type: 'string' }, body: { type: 'string' } },
      required: ['to', 'subject'],
    },
    needsApproval: true,
    execute: (input) => ({ sent: true, to: field(input, 'to') }),
  },
};
