import { useStructuredStream } from '@rill/react';
import { createPartialJsonParser } from '@rill/json/partial-json';

// packages/react/README.md's useStructuredStream example, as written (its options exported for the test's hook).
type Recipe = { title: string; steps: string[] };
export const recipeSchema = {
  type: 'object',
  required: ['title', 'steps'],
  properties: { title: { type: 'string' }, steps: { type: 'array', items: { type: 'string' } } },
};
export const body = {
  model: 'gpt-5-mini',
  stream: true,
  messages: [{ role: 'user', content: 'A soup recipe, please.' }],
  tools: [{ type: 'function', function: { name: 'save_recipe', parameters: recipeSchema } }],
  tool_choice: 'required',
};

export function RecipeCard() {
  const { object, isComplete, status, error } = useStructuredStream<Recipe>({
    url: '/api/openai/v1/chat/completions',
    provider: 'openai-chat',
    body,
    autoStart: true,
    from: { toolName: 'save_recipe' }, // or 'text' (default)
    schema: recipeSchema, // checked as each value completes
    parser: createPartialJsonParser, // default: @rill/json's incremental parser; or await loadTreeSitterBackend()
    onPathComplete: (path, value) => {
      if (path[0] === 'steps' && path.length === 2) console.log('step ready', value);
    },
  });
  if (status === 'error') return <p role="alert">{error?.message}</p>;
  return (
    <article aria-busy={!isComplete}>
      <h2>{object?.title}</h2>
      <ol>
        {object?.steps?.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    </article>
  );
}
