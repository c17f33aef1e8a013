// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { expect, test } from 'vitest';
import { Chat } from '../src/chat.js';

test('the chat with storagePersistence(() => localStorage) renders on a server, which has no storage', () => {
  expect(typeof localStorage).toBe('undefined');
  const html = renderToString(<Chat />);
  expect(html).toContain('Send');
});
