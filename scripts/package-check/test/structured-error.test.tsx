import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { createPartialJsonParser } from '@rill/json/partial-json';
import { useStructuredStream } from '@rill/react';
import { body, RecipeCard, recipeSchema } from '../src/recipe-card.js';
import { serve } from './mock.js';

// A step that is a number: recipeSchema says steps are strings.
const brokenRecipe = { title: 'Leek soup', steps: ['Slice the leeks', 42, 'Simmer for 20 minutes'] };

test('JSON that breaks the schema ends in error, shown by the README check, without the value that broke it', async () => {
  serve({
    scenario: { parts: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'save_recipe', input: brokenRecipe }] },
  });
  render(<RecipeCard />);
  expect((await screen.findByRole('alert')).textContent).not.toBe('');

  const { result } = renderHook(() =>
    useStructuredStream<{ title: string; steps: string[] }>({
      url: '/api/openai/v1/chat/completions',
      provider: 'openai-chat',
      body,
      autoStart: true,
      from: { toolName: 'save_recipe' },
      schema: recipeSchema,
      parser: createPartialJsonParser,
    }),
  );
  await waitFor(() => expect(result.current.status).toBe('error'));
  expect(result.current.error?.kind).toBe('invalid-output');
  expect(result.current.object?.title).toBe('Leek soup');
  expect(result.current.object?.steps).not.toContain(42);
});
