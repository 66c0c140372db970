import { describe, expect, it } from "vitest";
import type { Principal } from "./principal.ts";
import {
  type AuthEvent,
  freshness,
  PrincipalCache,
  parseAuthEvent,
  TOUCH_AFTER_MS,
} from "./principal-cache.ts";

const principal = (userId: number, sessionIdHash: string): Principal => ({
  userId,
  username: `u${userId}`,
  displayName: "",
  language: "en",
  mustChangePassword: false,
  grants: [],
  coordinatedSiteIds: [],
  csrfToken: "t",
  sessionIdHash,
});
const entry = (userId: number, idHash: string) => ({
  principal: principal(userId, idHash),
  expiresAt: 10_000_000,
  lastSeenAt: 0,
});

describe("parseAuthEvent", () => {
  const cases: Array<[string, AuthEvent]> = [
    ["s:abc123", { kind: "session", idHash: "abc123" }],
    ["u:42", { kind: "user", userId: 42 }],
    ["*", { kind: "all" }],
    // anything unrecognised drops everything: a cache never keeps what it cannot read
    ["", { kind: "all" }],
    ["s:", { kind: "all" }],
    ["u:", { kind: "all" }],
    ["u:0", { kind: "all" }],
    ["u:-3", { kind: "all" }],
    ["u:4.5", { kind: "all" }],
    ["u:1e3", { kind: "all" }],
    ["u:99999999999999999999", { kind: "all" }],
    ["x:1", { kind: "all" }],
  ];
  it.each(cases)("%j → %j", (payload, event) => expect(parseAuthEvent(payload)).toEqual(event));
});

describe("freshness", () => {
  const idle = 8 * 3600_000;
  const cases: Array<[string, { expiresAt: number; lastSeenAt: number }, number, string]> = [
    ["just seen", { expiresAt: 1e9, lastSeenAt: 1000 }, 1000, "use"],
    ["seen a minute ago exactly", { expiresAt: 1e9, lastSeenAt: 0 }, TOUCH_AFTER_MS, "use"],
    ["seen over a minute ago", { expiresAt: 1e9, lastSeenAt: 0 }, TOUCH_AFTER_MS + 1, "use-and-touch"],
    ["idle exactly the limit", { expiresAt: 1e12, lastSeenAt: 0 }, idle, "use-and-touch"],
    ["idle past the limit (as far as we know)", { expiresAt: 1e12, lastSeenAt: 0 }, idle + 1, "ask-database"],
    ["at its absolute expiry", { expiresAt: 5000, lastSeenAt: 4000 }, 5000, "ask-database"],
    ["past its absolute expiry", { expiresAt: 5000, lastSeenAt: 4999 }, 6000, "ask-database"],
  ];
  it.each(cases)("%s", (_name, e, now, expected) => expect(freshness(e, now, idle)).toBe(expected));
});

describe("PrincipalCache", () => {
  it("drops a session, a user's sessions, or everything", () => {
    const cache = new PrincipalCache();
    cache.put("a1", entry(1, "a1"), cache.generation);
    cache.put("a2", entry(1, "a2"), cache.generation);
    cache.put("b1", entry(2, "b1"), cache.generation);
    cache.apply({ kind: "session", idHash: "a1" });
    expect([cache.get("a1"), !!cache.get("a2"), !!cache.get("b1")]).toEqual([undefined, true, true]);
    cache.apply({ kind: "user", userId: 1 });
    expect([cache.get("a2"), !!cache.get("b1")]).toEqual([undefined, true]);
    cache.put("a3", entry(1, "a3"), cache.generation);
    cache.apply({ kind: "all" });
    expect(cache.size).toBe(0);
    // a user dropped again after their last session went: nothing left behind
    cache.apply({ kind: "user", userId: 1 });
    expect(cache.size).toBe(0);
  });

  it("refuses a lookup that straddled an invalidation", () => {
    const cache = new PrincipalCache();
    const started = cache.generation;
    cache.apply({ kind: "session", idHash: "other" });
    expect(cache.put("a1", entry(1, "a1"), started)).toBe(false);
    expect(cache.get("a1")).toBeUndefined();
    expect(cache.put("a1", entry(1, "a1"), cache.generation)).toBe(true);
    const before = cache.generation;
    cache.clear();
    expect(cache.generation).toBeGreaterThan(before);
    expect(cache.put("a1", entry(1, "a1"), before)).toBe(false);
  });

  it("keeps at most maxEntries, dropping the oldest, and re-indexes a replaced session", () => {
    const cache = new PrincipalCache(2);
    cache.put("a", entry(1, "a"), cache.generation);
    cache.put("b", entry(2, "b"), cache.generation);
    cache.put("c", entry(3, "c"), cache.generation);
    expect([cache.get("a"), !!cache.get("b"), !!cache.get("c")]).toEqual([undefined, true, true]);
    // the same session stored again under another user (cannot happen, but must not leak)
    cache.put("b", entry(4, "b"), cache.generation);
    cache.apply({ kind: "user", userId: 2 });
    expect(cache.get("b")?.principal.userId).toBe(4);
    cache.apply({ kind: "user", userId: 4 });
    expect(cache.get("b")).toBeUndefined();
  });
});
