import { describe, expect, it } from "vitest";
import { RateWindow } from "./rate-window.ts";

describe("RateWindow", () => {
  it.each([
    ["within the budget", 3, 3, 0],
    ["one past the budget", 3, 4, 60],
  ])("%s", (_what, limit, requests, wait) => {
    const w = new RateWindow(limit, 60_000);
    let last = -1;
    for (let i = 0; i < requests; i++) last = w.take("a", 1_000_000);
    expect(last).toBe(wait);
  });

  it("counts clients apart and starts again in the next window", () => {
    const w = new RateWindow(1, 60_000);
    expect(w.take("a", 0)).toBe(0);
    expect(w.take("b", 0)).toBe(0);
    expect(w.take("a", 30_000)).toBe(30);
    expect(w.take("a", 60_000)).toBe(0);
  });

  it("past the number of clients, new ones share one budget", () => {
    const w = new RateWindow(1, 60_000, 2);
    expect(w.take("a", 0)).toBe(0);
    expect(w.take("b", 0)).toBe(0);
    expect(w.take("c", 0)).toBe(0);
    expect(w.take("d", 0)).toBe(60);
  });
});
