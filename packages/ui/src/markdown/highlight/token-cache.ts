/** A least-recently-used map whose entries each weigh something (here: characters of code), bounded in total weight. */
export class WeightedLru<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private total = 0;

  constructor(private readonly budget: number) {}

  /**
   * The value for `key`, now the most recently used, or undefined.
   *
   * @example
   * cache.get('typescript\0const a = 1;');
   */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /**
   * Whether `key` has a value, without making it the most recently used.
   *
   * @example
   * cache.has('typescript\0const a = 1;');
   */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /**
   * Stores `value` as the most recently used, dropping the least recently used until the total fits the budget.
   *
   * @example
   * cache.set('typescript\0const a = 1;', tokens, 12);
   */
  set(key: string, value: V, weight: number): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.total -= old.weight;
      this.entries.delete(key);
    }
    if (weight > this.budget) return;
    this.entries.set(key, { value, weight });
    this.total += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.budget) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
  }
}
