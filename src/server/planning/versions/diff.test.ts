import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./diff.ts";

describe("diffSnapshots", () => {
  it("matches items by id, so reordering is not a change", () => {
    const a = {
      items: [
        { id: "x", t: 1 },
        { id: "y", t: 2 },
      ],
    };
    const b = {
      items: [
        { id: "y", t: 2 },
        { id: "x", t: 1 },
      ],
    };
    expect(diffSnapshots(a, b)).toEqual([]);
  });

  it("reports added, removed and changed items with their paths", () => {
    const a = { areas: [{ id: "a", subs: [{ id: "s", acts: [{ id: "1", status: "planned" }] }] }] };
    const b = {
      areas: [
        {
          id: "a",
          subs: [
            {
              id: "s",
              acts: [
                { id: "1", status: "done" },
                { id: "2", status: "planned" },
              ],
            },
          ],
        },
      ],
    };
    expect(diffSnapshots(a, b)).toEqual([
      {
        type: "changed",
        path: ["areas", "a", "subs", "s", "acts", "1", "status"],
        before: "planned",
        after: "done",
      },
      {
        type: "added",
        path: ["areas", "a", "subs", "s", "acts", "2"],
        after: { id: "2", status: "planned" },
      },
    ]);
    expect(diffSnapshots(b, a)).toContainEqual(
      expect.objectContaining({ type: "removed", path: ["areas", "a", "subs", "s", "acts", "2"] }),
    );
  });

  it("compares lists of plain values as multisets and keys other lists by code or indicatorId", () => {
    expect(diffSnapshots({ tags: ["a", "b", "b"] }, { tags: ["b", "c", "a"] })).toEqual([
      { type: "removed", path: ["tags"], before: "b" },
      { type: "added", path: ["tags"], after: "c" },
    ]);
    expect(
      diffSnapshots(
        { values: [{ indicatorId: "p", value: 1 }] },
        { values: [{ indicatorId: "p", value: 2 }] },
      ),
    ).toEqual([{ type: "changed", path: ["values", "p", "value"], before: 1, after: 2 }]);
    expect(diffSnapshots({ tags: [{ code: "x", label: "X" }] }, { tags: [] })).toEqual([
      { type: "removed", path: ["tags", "x"], before: { code: "x", label: "X" } },
    ]);
  });

  it("falls back to positions for lists of objects without a unique key, and reports fields appearing", () => {
    expect(diffSnapshots({ l: [{ a: 1 }, { a: 1 }] }, { l: [{ a: 1 }, { a: 2 }] })).toEqual([
      { type: "changed", path: ["l", "1", "a"], before: 1, after: 2 },
    ]);
    expect(diffSnapshots({ a: 1 }, { a: 1, b: null })).toEqual([{ type: "added", path: ["b"], after: null }]);
  });
});
