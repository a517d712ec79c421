/**
 * A map bounded by a total cost (bytes, or 1 per item), dropping the least recently used first. Map
 * iteration order is insertion order, so a hit re-inserts its key and the oldest is always first.
 * For immutable things read again and again (full tiles, full entry bundles).
 */
export class LruMap<K, V> {
  private readonly items = new Map<K, { readonly value: V; readonly cost: number }>();
  private total = 0;

  /** `maxCost` 0 keeps nothing. */
  constructor(private readonly maxCost: number) {}

  get(key: K): V | undefined {
    const item = this.items.get(key);
    if (!item) return undefined;
    this.items.delete(key);
    this.items.set(key, item);
    return item.value;
  }

  /** Keeps `value` unless it alone costs more than the bound; older items make room. */
  set(key: K, value: V, cost = 1): void {
    if (cost > this.maxCost) return;
    const previous = this.items.get(key);
    if (previous) {
      this.items.delete(key);
      this.total -= previous.cost;
    }
    while (this.total + cost > this.maxCost) {
      const [oldestKey, oldest] = this.items.entries().next().value!;
      this.items.delete(oldestKey);
      this.total -= oldest.cost;
    }
    this.items.set(key, { value, cost });
    this.total += cost;
  }

  get size(): number {
    return this.items.size;
  }
}
