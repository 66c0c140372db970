/**
 * A small least-recently-used map. The indicators API keeps, per server, finished responses and
 * programme contexts under keys that include the programme's data_version (versions.ts: kept in
 * memory, emptied by the change notification every bump sends): a write anywhere changes the
 * version, so an entry is never served after the data it was computed from changed — on this
 * server or any other.
 */
export class Memo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const v = this.entries.get(key);
    if (v === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
