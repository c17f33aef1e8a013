import type { ProviderName, ToolCallPart } from '@rill/core';
import { builtinScenarios, expectedMessage } from '@rill/mock';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderToolCall } from './index.js';

afterEach(cleanup);

/** The provider-run call of a built-in scenario, as @rill/core decodes it from that provider's stream. */
function executed(provider: ProviderName, scenario: 'web-search' | 'code-execution' | 'image'): ToolCallPart {
  const part = expectedMessage(provider, builtinScenarios[scenario]).parts.find(
    (p): p is ToolCallPart => p.type === 'tool-call',
  );
  if (part === undefined) throw new Error(`${provider} has no ${scenario} call`);
  return part;
}

describe('ProviderToolCall', () => {
  it.each(['anthropic', 'openai-responses'] as const)(
    '%s web search: marked as run by the provider, its query and the pages found as links',
    (provider) => {
      render(<ProviderToolCall part={executed(provider, 'web-search')} />);
      const card = screen.getByRole('group', { name: 'Web search, run by the provider' });
      expect(card.getAttribute('aria-busy')).toBe('false');
      expect(card.textContent).toContain('Run by the provider');
      expect(card.textContent).toContain('how does EventSource reconnect Last-Event-ID');
      const links = within(card).getAllByRole('link');
      expect(links.map((a) => a.getAttribute('href'))).toEqual([
        'https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events/Using_server-sent_events',
        'https://html.spec.whatwg.org/multipage/server-sent-events.html',
        'https://www.rfc-editor.org/rfc/rfc9110.html',
      ]);
      expect(links.every((a) => a.getAttribute('rel') === 'noopener noreferrer')).toBe(true);
      expect(screen.queryByRole('button')).toBeNull();
    },
  );

  it.each(['anthropic', 'openai-responses', 'gemini'] as const)(
    '%s code execution: the code and what it printed',
    (provider) => {
      render(<ProviderToolCall part={executed(provider, 'code-execution')} />);
      const card = screen.getByRole('group', { name: /, run by the provider$/ });
      expect(card.querySelector('code')?.textContent).toBe(
        'squares = sum(i * i for i in range(1, 101))\nprint(squares)',
      );
      expect(within(card).getByText('338350', { normalizer: (s) => s.trim() })).toBeTruthy();
    },
  );

  it('while the provider runs it: busy, with a named progress indicator, no output yet', () => {
    const running: ToolCallPart = {
      ...executed('anthropic', 'code-execution'),
      state: 'input-available',
      output: undefined,
    };
    render(<ProviderToolCall part={running} />);
    expect(screen.getByRole('group', { name: 'Code execution, run by the provider' }).getAttribute('aria-busy')).toBe(
      'true',
    );
    expect(screen.getByRole('progressbar', { name: 'Code execution running' })).toBeTruthy();
    expect(screen.queryByText('338350')).toBeNull();
  });

  it('a failed search is announced; a result with a hostile address is text, not a link', () => {
    const search = executed('anthropic', 'web-search');
    render(
      <>
        <ProviderToolCall
          part={{
            ...search,
            state: 'output-error',
            output: { type: 'web_search_tool_result_error', error_code: 'max_uses_exceeded' },
            errorText: 'max_uses_exceeded',
          }}
        />
        <ProviderToolCall
          part={{ ...search, output: [{ type: 'web_search_result', title: 'Evil', url: 'javascript:alert(1)' }] }}
        />
      </>,
    );
    expect(screen.getByRole('alert').textContent).toBe('max_uses_exceeded');
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.getByText('javascript:alert(1)')).toBeTruthy();
  });

  it('image generation says what was asked for, not the tool’s settings', () => {
    render(<ProviderToolCall part={executed('openai-responses', 'image')} />);
    const card = screen.getByRole('group', { name: 'Image generation, run by the provider' });
    expect(card.textContent).toContain('Green hills under a morning sun, flat colours.');
    expect(card.textContent).not.toContain('output_format');
  });

  it('another provider tool (an MCP call) shows its input and output', () => {
    const part: ToolCallPart = {
      type: 'tool-call',
      toolCallId: 'mcp_1',
      toolName: 'ask_question',
      inputText: '{"question":"What is Rill?"}',
      input: { question: 'What is Rill?' },
      state: 'output-available',
      output: [{ type: 'text', text: 'A streaming kit.' }],
      providerExecuted: true,
    };
    render(<ProviderToolCall part={part} />);
    const card = screen.getByRole('group', { name: 'ask_question, run by the provider' });
    expect(card.textContent).toContain('"question": "What is Rill?"');
    expect(card.textContent).toContain('A streaming kit.');
  });
});
