import type { Principal } from "./principal.ts";

/** A session as the cache keeps it: the principal and the times that end it. */
export interface SessionEntry {
  principal: Principal;
  /** Absolute expiry, ms since the epoch. */
  expiresAt: number;
  /** `last_seen_at` as the database holds it (or as this server last wrote it), ms. */
  lastSeenAt: number;
}

/** What a notification on the auth channel asks to drop (see migration 0011). */
export type AuthEvent =
  | { kind: "session"; idHash: string }
  | { kind: "user"; userId: number }
  | { kind: "all" };

/** Parse a payload of the auth channel; anything unrecognised drops everything (fail closed). */
export function parseAuthEvent(payload: string): AuthEvent {
  if (payload.startsWith("s:") && payload.length > 2) return { kind: "session", idHash: payload.slice(2) };
  if (payload.startsWith("u:")) {
    const userId = Number(payload.slice(2));
    if (Number.isSafeInteger(userId) && userId > 0 && /^\d+$/.test(payload.slice(2))) {
      return { kind: "user", userId };
    }
  }
  return { kind: "all" };
}

/** Within the idle limit and before the absolute expiry, what to do with a cached session. */
export type Freshness = "use" | "use-and-touch" | "ask-database";

export const TOUCH_AFTER_MS = 60_000;

/**
 * Whether a cached session may answer now. Past its absolute expiry or idle for longer than the
 * limit *as far as this server knows* (another server may have seen it since), the database
 * decides; a session last seen more than a minute ago is used and its `last_seen_at` refreshed.
 */
export function freshness(
  entry: Pick<SessionEntry, "expiresAt" | "lastSeenAt">,
  now: number,
  idleMs: number,
): Freshness {
  if (now >= entry.expiresAt) return "ask-database";
  if (now - entry.lastSeenAt > idleMs) return "ask-database";
  if (now - entry.lastSeenAt > TOUCH_AFTER_MS) return "use-and-touch";
  return "use";
}

/**
 * The per-process cache of resolved sessions, keyed by the token's hash. It is only as good as
 * its invalidation: every change to a session, a user, a grant or a coordinated programme's
 * sites arrives as an AuthEvent and drops what it names. `generation` counts every drop, so a
 * lookup that straddles one (read from the database before a revocation committed, finished
 * after the event) is not stored: `put` refuses it.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, SessionEntry>();
  private readonly byUser = new Map<number, Set<string>>();
  private gen = 0;

  constructor(readonly maxEntries = 50_000) {}

  get generation(): number {
    return this.gen;
  }

  get size(): number {
    return this.entries.size;
  }

  get(idHash: string): SessionEntry | undefined {
    return this.entries.get(idHash);
  }

  /** Store a lookup begun at `generation`; refused (false) if anything was dropped since. */
  put(idHash: string, entry: SessionEntry, generation: number): boolean {
    if (generation !== this.gen) return false;
    this.remove(idHash);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.remove(oldest);
    }
    this.entries.set(idHash, entry);
    const userId = entry.principal.userId;
    let sessions = this.byUser.get(userId);
    if (!sessions) {
      sessions = new Set();
      this.byUser.set(userId, sessions);
    }
    sessions.add(idHash);
    return true;
  }

  apply(event: AuthEvent): void {
    this.gen += 1;
    if (event.kind === "session") this.remove(event.idHash);
    else if (event.kind === "user") {
      for (const idHash of this.byUser.get(event.userId) ?? []) this.entries.delete(idHash);
      this.byUser.delete(event.userId);
    } else this.clear();
  }

  /** Drop everything (the notification connection was lost or came back). */
  clear(): void {
    this.gen += 1;
    this.entries.clear();
    this.byUser.clear();
  }

  private remove(idHash: string): void {
    const entry = this.entries.get(idHash);
    if (!entry) return;
    this.entries.delete(idHash);
    const sessions = this.byUser.get(entry.principal.userId);
    sessions?.delete(idHash);
    if (sessions?.size === 0) this.byUser.delete(entry.principal.userId);
  }
}
