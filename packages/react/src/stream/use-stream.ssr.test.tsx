// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { useStream } from './use-stream.js';

function Answer() {
  const { text, status } = useStream({ url: '/api/chat', autoStart: true });
  return <p data-status={status}>{text || 'waiting'}</p>;
}

describe('useStream on the server', () => {
  it('renders the idle state without a request or a browser global', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    expect(typeof window).toBe('undefined');
    expect(renderToString(<Answer />)).toBe('<p data-status="idle">waiting</p>');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
