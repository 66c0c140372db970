import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBoundaries } from "../../src/server/structure/boundaries.ts";
import { isKnownRule } from "../../src/shared/validation-messages.ts";

const region = { areaCodes: ["A", "B", "C"], property: "code" };
const lon = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -90, max: 90, noNaN: true });
const ring = fc
  .array(fc.tuple(lon, lat), { minLength: 3, maxLength: 8 })
  .map((ps) => [...ps.map(([x, y]) => [x, y]), [ps[0]![0], ps[0]![1]]]);
const polygon = fc.array(ring, { minLength: 1, maxLength: 2 });
const geometry = fc.oneof(
  polygon.map((coordinates) => ({ type: "Polygon", coordinates })),
  fc
    .array(polygon, { minLength: 1, maxLength: 2 })
    .map((coordinates) => ({ type: "MultiPolygon", coordinates })),
);
const validCollection = fc
  .subarray(region.areaCodes, { minLength: 1 })
  .chain((codes) =>
    fc.tuple(
      ...codes.map((code) => geometry.map((g) => ({ type: "Feature", properties: { code }, geometry: g }))),
    ),
  )
  .map((features) => ({ type: "FeatureCollection", features }));

/** Every refusal names a place in the file and a rule the clients can translate. */
function wellFormed(issues: Array<{ field: string; rule: string; message: string }>) {
  expect(issues.length).toBeGreaterThan(0);
  expect(issues.length).toBeLessThanOrEqual(50);
  for (const i of issues) {
    expect(i.field.startsWith("body.file")).toBe(true);
    expect(isKnownRule(i.rule), i.rule).toBe(true);
    expect(i.message.length).toBeGreaterThan(0);
  }
}

describe("checkBoundaries on untrusted input", () => {
  it("accepts every well-formed collection of the region's areas, keeping one feature per area", () => {
    fc.assert(
      fc.property(validCollection, (c) => {
        const r = checkBoundaries(JSON.stringify(c), region);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.areas).toEqual(c.features.map((f) => f.properties.code).sort());
          expect(r.collection.features.length).toBe(c.features.length);
        }
      }),
    );
  });

  it("never throws on any text, and a refusal is always well formed", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const r = checkBoundaries(text, region);
          if (!r.ok) wellFormed(r.issues);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses any collection with one position moved out of range or made non-finite, naming its feature", () => {
    fc.assert(
      fc.property(
        validCollection,
        fc.nat(),
        fc.oneof(fc.constant(181), fc.constant(-200), fc.constant(1e308 * 10), fc.constant("9")),
        (c, pick, bad) => {
          const i = pick % c.features.length;
          const g = c.features[i]!.geometry as { type: string; coordinates: unknown[] };
          const first = (
            g.type === "Polygon" ? g.coordinates : (g.coordinates[0] as unknown[])
          ) as number[][][];
          first[0]![1]![0] = bad as number; // the second position of the first ring
          const r = checkBoundaries(JSON.stringify(c), region);
          expect(r.ok).toBe(false);
          if (!r.ok) {
            wellFormed(r.issues);
            expect(r.issues.some((x) => x.field.startsWith(`body.file.features.${i}.geometry`))).toBe(true);
          }
        },
      ),
    );
  });

  it("refuses an area not of the region, or twice, naming the feature", () => {
    fc.assert(
      fc.property(validCollection, fc.string({ minLength: 1, maxLength: 8 }), (c, code) => {
        const dup = { ...c, features: [...c.features, c.features[0]!] };
        const r = checkBoundaries(JSON.stringify(dup), region);
        expect(r.ok).toBe(false);
        if (!r.ok)
          expect(r.issues).toContainEqual(
            expect.objectContaining({
              field: `body.file.features.${c.features.length}.properties.code`,
              rule: "duplicate",
            }),
          );
        if (region.areaCodes.includes(code)) return;
        const unknown = { ...c, features: [{ ...c.features[0]!, properties: { code } }] };
        const u = checkBoundaries(JSON.stringify(unknown), region);
        expect(u.ok).toBe(false);
        if (!u.ok)
          expect(u.issues[0]).toMatchObject({
            field: "body.file.features.0.properties.code",
            rule: "unknown_area",
          });
      }),
    );
  });

  it("refuses an unclosed ring", () => {
    fc.assert(
      fc.property(validCollection, fc.double({ min: 0.001, max: 1, noNaN: true }), (c, shift) => {
        const g = c.features[0]!.geometry as { type: string; coordinates: unknown[] };
        const rings = (
          g.type === "Polygon" ? g.coordinates : (g.coordinates[0] as unknown[])
        ) as number[][][];
        const r0 = rings[0]!;
        const last = r0[r0.length - 1]!;
        last[0] = last[0]! > 0 ? last[0]! - shift : last[0]! + shift;
        const r = checkBoundaries(JSON.stringify(c), region);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.issues.map((x) => x.rule)).toContain("ring_not_closed");
      }),
    );
  });
});
