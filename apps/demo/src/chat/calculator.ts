/**
 * Evaluates `+ - * /` arithmetic with parentheses and unary minus by recursive descent (the
 * demo's calculator tool; model-written input is never passed to `eval`). Throws a message naming
 * the problem on bad input or a division by zero.
 *
 * @example calculate('12 * (3 + 4)'); // 84
 */
export function calculate(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/()]|\S/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (): string | undefined => tokens[at++];

  const primary = (): number => {
    const token = take();
    if (token === '-') return -primary();
    if (token === '(') {
      const value = sum();
      if (take() !== ')') throw new Error(`Missing ")" in ${expression}`);
      return value;
    }
    if (token === undefined || !/^\d/.test(token)) throw new Error(`Unexpected ${token ?? 'end'} in ${expression}`);
    return Number(token);
  };
  const product = (): number => {
    let value = primary();
    while (peek() === '*' || peek() === '/') {
      if (take() === '*') {
        value *= primary();
        continue;
      }
      const divisor = primary();
      // Infinity would reach the model as JSON `null`: an error says what went wrong.
      if (divisor === 0) throw new Error(`Division by zero in ${expression}`);
      value /= divisor;
    }
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (peek() === '+' || peek() === '-') value = take() === '+' ? value + product() : value - product();
    return value;
  };

  const value = sum();
  if (at !== tokens.length) throw new Error(`Unexpected ${tokens[at]} in ${expression}`);
  return value;
}
