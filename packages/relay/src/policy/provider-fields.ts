import type { ProviderName, RequestBody, ToolDefinition } from '@rill/core';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const capped = (value: unknown, cap: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value < cap ? value : cap;
const defined = <T extends Json>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/**
 * The body with its output-token limit at most `cap` (set to `cap` when it asks for none), in the
 * provider's own field: `max_tokens`, `max_completion_tokens` (and a legacy `max_tokens`),
 * `max_output_tokens`, `generationConfig.maxOutputTokens`.
 *
 * @example capOutputTokens('anthropic', { max_tokens: 9000 }, 1024); // { max_tokens: 1024 }
 */
export function capOutputTokens(provider: ProviderName, body: RequestBody, cap: number): RequestBody {
  switch (provider) {
    case 'anthropic':
      return { ...body, max_tokens: capped(body.max_tokens, cap) };
    case 'openai-chat': {
      const legacy = body.max_tokens !== undefined && body.max_completion_tokens === undefined;
      return legacy
        ? { ...body, max_tokens: capped(body.max_tokens, cap) }
        : {
            ...body,
            max_completion_tokens: capped(body.max_completion_tokens, cap),
            ...(body.max_tokens !== undefined && { max_tokens: capped(body.max_tokens, cap) }),
          };
    }
    case 'openai-responses':
      return { ...body, max_output_tokens: capped(body.max_output_tokens, cap) };
    case 'gemini': {
      const config = isRecord(body.generationConfig) ? body.generationConfig : {};
      return { ...body, generationConfig: { ...config, maxOutputTokens: capped(config.maxOutputTokens, cap) } };
    }
  }
}

/**
 * The body with the app's system prompt before the client's own (`system`, a system message,
 * `instructions`, `systemInstruction`).
 *
 * @example addSystemPrompt('openai-chat', { messages }, 'Answer in French.'); // messages start with the system message
 */
export function addSystemPrompt(provider: ProviderName, body: RequestBody, text: string): RequestBody {
  switch (provider) {
    case 'anthropic': {
      const own = body.system;
      const system =
        typeof own === 'string' && own !== ''
          ? `${text}\n\n${own}`
          : Array.isArray(own)
            ? [{ type: 'text', text }, ...own]
            : text;
      return { ...body, system };
    }
    case 'openai-chat':
      return { ...body, messages: [{ role: 'system', content: text }, ...list(body.messages)] };
    case 'openai-responses':
      return {
        ...body,
        instructions:
          typeof body.instructions === 'string' && body.instructions !== '' ? `${text}\n\n${body.instructions}` : text,
      };
    case 'gemini': {
      const own = isRecord(body.systemInstruction) ? body.systemInstruction : {};
      return { ...body, systemInstruction: { ...own, parts: [{ text }, ...list(own.parts)] } };
    }
  }
}

/**
 * The body with the app's tools added in the provider's shape; a client tool of the same name is
 * replaced, so the app's definition is the one the model sees.
 *
 * @example addTools('anthropic', body, [{ name: 'search', inputSchema: { type: 'object' } }]);
 */
export function addTools(provider: ProviderName, body: RequestBody, tools: readonly ToolDefinition[]): RequestBody {
  const names = new Set(tools.map((t) => t.name));
  const keep = (name: unknown): boolean => typeof name !== 'string' || !names.has(name);
  switch (provider) {
    case 'anthropic':
      return {
        ...body,
        tools: [
          ...list(body.tools).filter((t) => !isRecord(t) || keep(t.name)),
          ...tools.map((t) => defined({ name: t.name, description: t.description, input_schema: t.inputSchema })),
        ],
      };
    case 'openai-chat':
      return {
        ...body,
        tools: [
          ...list(body.tools).filter((t) => !isRecord(t) || !isRecord(t.function) || keep(t.function.name)),
          ...tools.map((t) => ({
            type: 'function',
            function: defined({ name: t.name, description: t.description, parameters: t.inputSchema }),
          })),
        ],
      };
    case 'openai-responses':
      return {
        ...body,
        tools: [
          ...list(body.tools).filter((t) => !isRecord(t) || keep(t.name)),
          ...tools.map((t) =>
            defined({ type: 'function', name: t.name, description: t.description, parameters: t.inputSchema }),
          ),
        ],
      };
    case 'gemini': {
      const own = list(body.tools).map((entry) =>
        isRecord(entry) && Array.isArray(entry.functionDeclarations)
          ? { ...entry, functionDeclarations: entry.functionDeclarations.filter((d) => !isRecord(d) || keep(d.name)) }
          : entry,
      );
      const declarations = tools.map((t) =>
        defined({ name: t.name, description: t.description, parametersJsonSchema: t.inputSchema }),
      );
      return { ...body, tools: [...own, { functionDeclarations: declarations }] };
    }
  }
}
