import type { Part } from '../../message/types.js';

/** A tool the model may call; `inputSchema` is a JSON Schema for its arguments. */
export interface ToolDefinition {
  name: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

/** The result of running one tool call: its output, or `error` when it failed. */
export interface ToolResult {
  toolCallId: string;
  output?: unknown;
  error?: string;
}

/** One turn: user text, an assistant message's parts (a decoded `Message` fits), or tool results. */
export type ConversationMessage =
  { role: 'user'; content: string } | { role: 'assistant'; parts: Part[] } | { role: 'tool'; results: ToolResult[] };

/** Reasoning options; each provider takes the one it understands (Anthropic/Gemini a budget, OpenAI an effort). */
export interface ReasoningOptions {
  budgetTokens?: number | undefined;
  effort?: 'minimal' | 'low' | 'medium' | 'high' | undefined;
}

/** A provider-neutral conversation that {@link toProviderRequest} turns into any provider's streaming request body. */
export interface Conversation {
  model: string;
  system?: string;
  messages: ConversationMessage[];
  tools?: ToolDefinition[];
  maxTokens?: number;
  temperature?: number;
  reasoning?: ReasoningOptions;
}

/** A JSON request body. */
export type RequestBody = Record<string, unknown>;
