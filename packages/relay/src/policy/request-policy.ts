import type { ProviderName, RequestBody, ToolDefinition } from '@rill/core';
import { addSystemPrompt, addTools, capOutputTokens } from './provider-fields.js';

/** What a request policy sees: the parsed body (its own copy to change) and who asks. */
export interface PolicyInput {
  provider: ProviderName;
  /** The principal `authorize` named. */
  principal: string;
  /** The model asked for: the body's `model`, or for Gemini the one in the path. */
  model: string | undefined;
  body: RequestBody;
  request: Request;
}

/** Forward this body, or refuse the request with a status and a message the client sees. */
export type PolicyDecision = { body: RequestBody } | { refuse: { status: number; message: string } };

/** Decides what reaches the provider: checks and rewrites each request body before it goes upstream. */
export type RequestPolicy = (input: PolicyInput) => PolicyDecision | Promise<PolicyDecision>;

/** The usual rules of an app that owns the model choice, the budget, the system prompt and the tools. */
export interface RequestPolicyOptions {
  /** Models a request may name; any other is refused with 403. */
  models?: readonly string[];
  /** The most output tokens a request may ask for; more (or none) becomes this. */
  maxOutputTokens?: number;
  /** A system prompt put before the client's own. */
  system?: string;
  /** Tools the app owns, added to the request (a client tool of the same name is replaced). */
  tools?: readonly ToolDefinition[];
}

/**
 * A request policy from the usual rules, each in the provider's own request fields.
 *
 * @example
 * createRelay({ provider: 'anthropic', authorize, policy: requestPolicy({ models: ['claude-sonnet-4-6'], maxOutputTokens: 2048, system: 'Be brief.' }) });
 */
export function requestPolicy(options: RequestPolicyOptions): RequestPolicy {
  const { models, maxOutputTokens, system, tools } = options;
  return ({ provider, model, body }) => {
    if (models !== undefined && (model === undefined || !models.includes(model))) {
      return {
        refuse: {
          status: 403,
          message: `The model ${model === undefined ? '(none given)' : JSON.stringify(model)} is not allowed here; allowed: ${models.join(', ')}`,
        },
      };
    }
    let next = body;
    if (maxOutputTokens !== undefined) next = capOutputTokens(provider, next, maxOutputTokens);
    if (system !== undefined) next = addSystemPrompt(provider, next, system);
    if (tools !== undefined && tools.length > 0) next = addTools(provider, next, tools);
    return { body: next };
  };
}
