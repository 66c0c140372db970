import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../support/world.ts";

/**
 * Untrusted input, generated: whatever JSON arrives, the API answers 2xx or a 4xx that names
 * fields — never a 500 — and a refused request stores nothing.
 */
let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

const anyJson = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      code: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      name: fc.oneof(fc.string(), fc.constant("")),
      regionId: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
      areaId: fc.oneof(fc.integer(), fc.constant(null), fc.string()),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  ),
);

describe("generated request bodies", () => {
  it.each(["/api/regions", "/api/areas", "/api/sites", "/api/services"])(
    "POST %s never fails with a 5xx",
    async (url) => {
      const admin = await w.as("admin");
      await fc.assert(
        fc.asyncProperty(anyJson, async (body) => {
          const countBefore = (await admin.get(url)).json().length;
          const res = await admin.inject({
            method: "POST",
            url,
            payload: JSON.stringify(body),
            headers: { "content-type": "application/json" },
          });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) {
            const err = res.json();
            expect(typeof err.message).toBe("string");
            expect((await admin.get(url)).json().length).toBe(countBefore);
          }
        }),
        { numRuns: 60 },
      );
    },
  );

  it("PATCH with generated ids and bodies never fails with a 5xx", async () => {
    const admin = await w.as("admin");
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer(), fc.string({ maxLength: 12 })), anyJson, async (id, body) => {
        const res = await admin.inject({
          method: "PATCH",
          url: `/api/sites/${encodeURIComponent(String(id))}`,
          payload: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
