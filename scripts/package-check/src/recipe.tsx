import { formatJsonPath } from '@rill/json';
import { createPartialJsonParser } from '@rill/json/partial-json';
import { useStructuredStream } from '@rill/react';
import { StructuredPreview } from '@rill/ui';

interface RecipeValue {
  title: string;
  steps: string[];
}

const schema = {
  type: 'object',
  properties: { title: { type: 'string' }, steps: { type: 'array', items: { type: 'string' } } },
} as const;

export function Recipe() {
  const { object, isComplete, completedPaths, error, status } = useStructuredStream<RecipeValue>({
    url: '/v1/chat/completions',
    provider: 'openai-chat',
    body: {
      model: 'gpt-5-mini',
      stream: true,
      messages: [{ role: 'user', content: '{"title":"Tea","steps":["Boil","Pour"]}' }],
    },
    autoStart: true,
    parser: createPartialJsonParser,
  });
  return (
    <section>
      <h2>{object?.title ?? 'Recipe'}</h2>
      <StructuredPreview
        value={object}
        schema={schema}
        streaming={status === 'streaming'}
        completedPaths={completedPaths}
        isComplete={isComplete}
      />
      <p>Complete: {completedPaths.map(formatJsonPath).join(', ')}</p>
      {error && <p role="alert">{error.message}</p>}
    </section>
  );
}
