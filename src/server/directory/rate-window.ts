/**
 * A fixed-window request budget per client address, for the public page (no session, so no other
 * throttle applies). In memory and per process: it protects this server from one noisy client; it
 * is not a quota. Pure apart from the clock passed in.
 */
export class RateWindow {
  private counts = new Map<string, number>();
  private windowStart = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    /** past this many distinct clients in one window, further new ones share one budget */
    readonly maxClients = 10_000,
  ) {}

  /** Seconds to wait when the client has used its budget; 0 when the request may go ahead. */
  take(client: string, nowMs: number): number {
    if (nowMs - this.windowStart >= this.windowMs) {
      this.windowStart = nowMs;
      this.counts.clear();
    }
    const key = this.counts.has(client) || this.counts.size < this.maxClients ? client : "*";
    const used = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, used);
    if (used <= this.limit) return 0;
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - nowMs) / 1000));
  }
}
