import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unstorableText } from "../../src/server/infra/http/text-guard.ts";
import { issuesOf } from "../support/registry-world.ts";
import { worldOfFile } from "../support/world.ts";

/** Issue 14, defect 3: NUL and lone surrogates reached PostgreSQL and answered 500. */
const w = worldOfFile();

describe("text PostgreSQL cannot store is refused at the edge", () => {
  it.each(["actor", "action", "entity", "entityId"])(
    "GET /api/audit?%s=%00 answers 400 naming it",
    async (key) => {
      const admin = await w.as("admin");
      const res = await admin.get(`/api/audit?${key}=%00`);
      expect(res.statusCode, res.body).toBe(400);
      expect(issuesOf(res)).toEqual([`querystring.${key}:nul_character`]);
    },
  );

  it.each([
    ["\u0000", "nul_character"],
    ["ab\u0000cd", "nul_character"],
    ["\ud800", "invalid_unicode"],
    ["x\udc00", "invalid_unicode"],
  ])("PATCH /api/me displayName %j answers 400", async (displayName, rule) => {
    const c = await w.as("viewer");
    const res = await c.patch("/api/me", { displayName });
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res)).toEqual([`body.displayName:${rule}`]);
  });

  it("keeps paired surrogates (emoji) and ordinary text", async () => {
    const c = await w.as("viewer");
    const res = await c.patch("/api/me", { displayName: "Viewer 😀 è" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().displayName).toBe("Viewer 😀 è");
  });

  it("a path parameter is checked too", async () => {
    const admin = await w.as("admin");
    const res = await admin.get("/api/patients/%00");
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual(["params.id:nul_character"]);
  });

  it("property: any string as displayName or audit filter answers 200 or 400, never 5xx", async () => {
    const admin = await w.as("admin");
    const viewer = await w.as("viewer");
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({ unit: "grapheme" }),
      fc.constantFrom("\u0000", "\ud800", "\udfff", "a\u0000b"),
    );
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const expected = unstorableText(s) ? 400 : undefined;
        const me = await viewer.patch("/api/me", { displayName: s });
        expect(me.statusCode).toBeLessThan(500);
        if (expected) expect(me.statusCode).toBe(400);
        const audit = await admin.get(
          `/api/audit?actor=${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "\u0000"))}`,
        );
        expect(audit.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
