import { describe, expect, it } from "vitest";
import type { ChannelListener } from "./notifications.ts";
import { TableCache } from "./table-cache.ts";

function fakeFeed() {
  const listener = {
    healthy: true,
    backendPid: null,
    barriers: [] as Array<number | undefined>,
    failBarrier: false,
    barrier(since?: number) {
      this.barriers.push(since);
      return this.failBarrier ? Promise.reject(new Error("down")) : Promise.resolve();
    },
    close: async () => {},
  };
  return { listener: listener as ChannelListener & typeof listener };
}

describe("TableCache", () => {
  it("loads once, passes the barrier with the request's arrival, and empties on a change to its tables", async () => {
    const feed = fakeFeed();
    const cache = new TableCache<string>(feed, new Set(["programmes"]));
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get("k", 7, load)).toBe("v1");
    expect(await cache.get("k", 8, load)).toBe("v1");
    expect(feed.listener.barriers).toEqual([7, 8]);
    cache.message("sites"); // not one of its tables
    expect(await cache.get("k", 9, load)).toBe("v1");
    cache.message("programmes");
    expect(await cache.get("k", 10, load)).toBe("v2");
    cache.reset();
    expect(await cache.get("k", 11, load)).toBe("v3");
  });

  it("does not keep a load that straddled a change", async () => {
    const feed = fakeFeed();
    const cache = new TableCache<string>(feed, new Set(["programmes"]));
    let loads = 0;
    const value = await cache.get("k", 1, async () => {
      cache.message("programmes"); // committed while this load ran
      return `v${++loads}`;
    });
    expect(value).toBe("v1");
    expect(cache.size).toBe(0);
  });

  it("is bypassed while the feed is down or its barrier fails", async () => {
    const feed = fakeFeed();
    const cache = new TableCache<string>(feed, new Set(["programmes"]));
    let loads = 0;
    const load = async () => `v${++loads}`;
    await cache.get("k", 1, load);
    feed.listener.healthy = false;
    expect(await cache.get("k", 2, load)).toBe("v2");
    feed.listener.healthy = true;
    feed.listener.failBarrier = true;
    expect(await cache.get("k", 3, load)).toBe("v3");
    expect(await cache.get("k", 4, load)).toBe("v4");
  });

  it("keeps at most maxKeys keys", async () => {
    const cache = new TableCache<string>(fakeFeed(), new Set(["programmes"]), 2);
    await cache.get("a", 0, async () => "a");
    await cache.get("b", 0, async () => "b");
    await cache.get("c", 0, async () => "c");
    expect(cache.size).toBeLessThanOrEqual(2);
  });
});
