import { useStreamQuery } from '@rill/react/query';
import { StreamingText } from '@rill/ui';

export function QueryAnswer({ question }: { question: string }) {
  const body = { model: 'gemini-2.5-flash', contents: [{ role: 'user', parts: [{ text: question }] }] };
  const { text, isFetching } = useStreamQuery({
    queryKey: ['answer', question],
    url: '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    provider: 'gemini',
    body,
  });
  return <StreamingText text={text} status={isFetching ? 'streaming' : 'done'} />;
}
