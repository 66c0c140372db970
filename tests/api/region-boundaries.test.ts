import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "../../src/server/infra/time/civil-date.ts";
import { createWorld, type Username, type World } from "../support/world.ts";

let w: World;
let otherRegion: number;
const url = (region: number) => `/api/regions/${region}/boundaries`;

const square = (lon: number, lat: number, d = 0.5) => [
  [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ],
];
const feature = (code: unknown, geometry: object = { type: "Polygon", coordinates: square(9, 45) }) => ({
  type: "Feature",
  properties: { code, name: "x" },
  geometry,
});
const file = (features: object[]) => JSON.stringify({ type: "FeatureCollection", features });
const good = file([
  feature("ATS-N", { type: "Polygon", coordinates: square(9, 45.5) }),
  feature("ATS-S", { type: "MultiPolygon", coordinates: [square(9, 45), square(10, 45)] }),
]);

beforeAll(async () => {
  w = await createWorld();
  const r = await w.database.db
    .insertInto("regions")
    .values({ code: "VEN", name: "Veneto" })
    .returning("id")
    .executeTakeFirstOrThrow();
  otherRegion = r.id;
  await w.database.db
    .insertInto("areas")
    .values({ region_id: r.id, code: "ULSS-1", name: "Dolomiti" })
    .execute();
}, 120_000);
afterAll(async () => {
  await w?.close();
});

const stored = () => w.database.db.selectFrom("region_boundaries").selectAll().execute();

describe("region boundaries", () => {
  it.each([
    ["sitecoord1", 403],
    ["clinician1", 403],
    ["viewer", 403],
  ] as const)(
    "refuses an upload and a removal by %s (%i), storing nothing",
    async (who: Username, status) => {
      const c = await w.as(who);
      expect((await c.put(url(w.ids.region), { file: good })).statusCode).toBe(status);
      expect((await c.delete(url(w.ids.region))).statusCode).toBe(status);
      expect(await stored()).toEqual([]);
      const read = await c.get(url(w.ids.region));
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual({ boundaries: null, canUpload: false });
    },
  );

  it("refuses anonymous callers, a coordinator of another region, and an unknown region", async () => {
    expect((await w.anonymous.put(url(w.ids.region), { file: good })).statusCode).toBe(401);
    const c = await w.as("coordinator");
    const other = await c.put(url(otherRegion), { file: file([feature("ULSS-1")]) });
    expect(other.statusCode, other.body).toBe(403);
    expect((await c.get(url(otherRegion))).json()).toMatchObject({ canUpload: false });
    expect((await (await w.as("admin")).put(url(999_999), { file: good })).statusCode).toBe(404);
    expect(await stored()).toEqual([]);
  });

  it.each([
    ["not JSON", "{nope", "body.file", "json"],
    ["not a FeatureCollection", JSON.stringify({ type: "Feature" }), "body.file.type", "invalid_value"],
    ["no features", file([]), "body.file.features", "too_small"],
    [
      "a Point",
      file([feature("ATS-N", { type: "Point", coordinates: [9, 45] })]),
      "body.file.features.0.geometry.type",
      "geometry_type",
    ],
    [
      "an open ring",
      file([
        feature("ATS-N", {
          type: "Polygon",
          coordinates: [
            [
              [9, 45],
              [10, 45],
              [10, 46],
              [9, 46],
            ],
          ],
        }),
      ]),
      "body.file.features.0.geometry.coordinates.0",
      "ring_not_closed",
    ],
    [
      "a latitude out of range",
      file([
        feature("ATS-N"),
        feature("ATS-S", {
          type: "Polygon",
          coordinates: [
            [
              [9, 45],
              [10, 95],
              [10, 46],
              [9, 45],
            ],
          ],
        }),
      ]),
      "body.file.features.1.geometry.coordinates.0.1",
      "coordinate_range",
    ],
    ["an unknown area", file([feature("ATS-X")]), "body.file.features.0.properties.code", "unknown_area"],
    [
      "an area of another region",
      file([feature("ULSS-1")]),
      "body.file.features.0.properties.code",
      "unknown_area",
    ],
    [
      "an area twice",
      file([feature("ATS-N"), feature("ATS-N")]),
      "body.file.features.1.properties.code",
      "duplicate",
    ],
    ["no area code", file([feature(null)]), "body.file.features.0.properties.code", "required"],
    ["too big", " ".repeat(900_001), "body.file", "too_big"],
  ])("refuses %s with 400 naming the place and the rule, storing nothing", async (_, text, field, rule) => {
    const res = await (await w.as("coordinator")).put(url(w.ids.region), { file: text });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().issues).toContainEqual(expect.objectContaining({ field, rule }));
    expect(await stored()).toEqual([]);
    expect(await w.audit({ entity: "region_boundaries" })).toEqual([]);
  });

  it("stores a regional coordinator's file, audits it, and the report draws the map", async () => {
    const c = await w.as("coordinator");
    const before = await c.get(
      `/api/programmes/${w.ids.programmes.bpd}/report?from=2025-01-01&to=${today()}&format=html`,
    );
    expect(before.body).toContain("No area boundaries were uploaded for the region");
    expect(before.body).not.toContain('class="map"');

    const res = await c.put(url(w.ids.region), { file: good });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      canUpload: true,
      boundaries: {
        property: "code",
        features: 2,
        areas: ["ATS-N", "ATS-S"],
        version: 1,
        updatedBy: "coordinator",
      },
    });
    const [row] = await stored();
    // only the geometry and the area code are kept from the file
    expect((row!.geojson as { features: Array<{ properties: object }> }).features[0]!.properties).toEqual({
      code: "ATS-N",
    });
    const [entry] = await w.audit({ entity: "region_boundaries", action: "upload" });
    expect(entry).toMatchObject({
      actor: "coordinator",
      entityId: String(w.ids.region),
      detail: { before: null, after: { features: 2, areas: ["ATS-N", "ATS-S"], version: 1 } },
    });

    const html = await c.get(
      `/api/programmes/${w.ids.programmes.bpd}/report?from=2025-01-01&to=${today()}&format=html`,
    );
    expect(html.statusCode).toBe(200);
    const map = html.body.slice(html.body.indexOf('<figure class="map">'));
    expect(map).toMatch(/^<figure class="map"><svg /);
    const svg = map.slice(0, map.indexOf("</svg>"));
    expect(svg).toContain("<path"); // the areas' shapes
    expect(svg).toContain("Site one"); // the sites named in their area
    expect(svg).toContain("Enrolled / target"); // the legend
    expect(html.body).not.toContain("No area boundaries were uploaded");
    const it = await c.get(
      `/api/programmes/${w.ids.programmes.bpd}/report?from=2025-01-01&to=${today()}&format=html&lang=it`,
    );
    expect(it.body).toContain("Arruolati / obiettivo");

    // an administrator replaces it (version 2), then removes it
    const admin = await w.as("admin");
    const again = await admin.put(url(w.ids.region), { file: file([feature("ATS-N")]), property: "code" });
    expect(again.json()).toMatchObject({ boundaries: { features: 1, version: 2 } });
    expect((await admin.delete(url(w.ids.region))).statusCode).toBe(200);
    expect(await stored()).toEqual([]);
    expect((await w.audit({ entity: "region_boundaries", action: "delete" })).length).toBe(1);
  });
});
