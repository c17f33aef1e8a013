/**
 * Bad JSON in the stream: `kind` 'invalid-json', where it went wrong, never retryable (the same
 * bytes fail again). What arrived before the offset stays readable through `value()`.
 *
 * @example
 * try { parser.end(); } catch (error) { if (error instanceof JsonSyntaxError) show(error.message); }
 */
export class JsonSyntaxError extends Error {
  readonly kind = 'invalid-json';
  readonly retryable = false;

  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}
