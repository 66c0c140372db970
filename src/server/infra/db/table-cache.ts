import type { ChangeFeed, ChangeSubscriber } from "./change-feed.ts";

/**
 * A per-process cache of query results that depend on a few tables, emptied whenever one of
 * them changes (the `data` topic names the table; see migration 0012) or notifications may have
 * been missed. Read it only from a request that has passed the change feed's barrier since it
 * arrived (`since`, reused from the session lookup, so it costs no second round trip): then
 * anything committed before the request arrived, on any server, has already emptied it. While
 * the feed is down it is bypassed. A load that straddles a change is returned but not kept.
 */
export class TableCache<V> implements ChangeSubscriber {
  private readonly entries = new Map<string, V>();
  private generation = 0;

  constructor(
    private readonly feed: Pick<ChangeFeed, "listener">,
    private readonly tables: ReadonlySet<string>,
    private readonly maxKeys = 16,
  ) {}

  message(table: string): void {
    if (this.tables.has(table)) this.reset();
  }

  reset(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string, since: number, load: () => Promise<V>): Promise<V> {
    const { listener } = this.feed;
    if (!listener.healthy) return load();
    try {
      await listener.barrier(since);
    } catch {
      return load();
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation && listener.healthy) {
      if (this.entries.size >= this.maxKeys) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }
}
