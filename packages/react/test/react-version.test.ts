import { renderHook } from '@testing-library/react';
import { useState, version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';

// The `react-18` project sets RILL_REACT_MAJOR; without this guard a broken alias would rerun React 19 silently.
it('runs the hooks on the React major its Vitest project is for (react: 19, react-18: 18)', () => {
  const expected = String(import.meta.env['RILL_REACT_MAJOR'] ?? '19');
  expect([version, domVersion].map((v) => v.split('.')[0])).toEqual([expected, expected]);
  const { result } = renderHook(() => useState('rendered by this react-dom')[0]);
  expect(result.current).toBe('rendered by this react-dom');
});
