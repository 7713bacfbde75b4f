/**
 * A map of at most `size` entries that lets the least recently used go first (a Map keeps its keys
 * in insertion order: an entry read or written is moved to the end). The store keeps prepared
 * statements, a case's story tokens and a text search's walk so.
 */
export function recentlyUsed<K, V>(size: number) {
  const entries = new Map<K, V>();
  return {
    get(key: K): V | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: K, value: V): void {
      entries.delete(key);
      if (entries.size >= size) entries.delete(entries.keys().next().value!);
      entries.set(key, value);
    },
    clear(): void {
      entries.clear();
    },
  };
}
