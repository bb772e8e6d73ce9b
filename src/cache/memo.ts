import { LRUCache } from 'lru-cache';

/**
 * A bounded memo of results computed from one immutable knowledge base: the same question asked
 * twice (or typed again in autocomplete) is answered from memory. It lives on the knowledge base,
 * so a reload starts with an empty one and no answer outlives the knowledge it came from.
 */
export class Memo {
  private readonly cache: LRUCache<string, { value: unknown }>;

  constructor(max = 2000) {
    this.cache = new LRUCache({ max });
  }

  /**
   * The value stored under `key`, computing and storing it first when absent.
   *
   * @example
   * memo.get('ask:regional GDP', () => ask(kb, 'regional GDP'))
   */
  get<T>(key: string, compute: () => T): T {
    const hit = this.cache.get(key);
    if (hit) return hit.value as T;
    const value = compute();
    this.cache.set(key, { value });
    return value;
  }

  get size(): number {
    return this.cache.size;
  }
}
