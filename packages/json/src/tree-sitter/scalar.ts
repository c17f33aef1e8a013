const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_PREFIX = /^-?(?:0|[1-9]\d*)?$|^-?(?:0|[1-9]\d*)\.\d*$|^-?(?:0|[1-9]\d*)(?:\.\d+)?[eE][+-]?\d*$/;
const LITERALS: Record<string, boolean | null> = { true: true, false: false, null: null };

/** True for the characters a number or literal is made of (the lexer's word characters). @example isScalarChar(0x31) */
export function isScalarChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x2b ||
    code === 0x2d ||
    code === 0x2e
  );
}

/** The value of a complete number or literal, or undefined when it is not JSON. @example parseScalar('1e+21') // 1e21 */
export function parseScalar(lexeme: string): { value: number | boolean | null } | undefined {
  if (Object.hasOwn(LITERALS, lexeme)) return { value: LITERALS[lexeme] ?? null };
  return NUMBER.test(lexeme) ? { value: Number(lexeme) } : undefined;
}

/** True while more characters could still make `prefix` a number or literal. @example couldGrowIntoScalar('tr') // true */
export function couldGrowIntoScalar(prefix: string): boolean {
  return (
    NUMBER_PREFIX.test(prefix) || 'true'.startsWith(prefix) || 'false'.startsWith(prefix) || 'null'.startsWith(prefix)
  );
}
