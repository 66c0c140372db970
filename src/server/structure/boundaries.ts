import { z } from "zod";
import { type IssueParams, validationMessage } from "../../shared/validation-messages.ts";
import type { FieldIssue } from "../infra/http/errors.ts";

/**
 * The area boundaries a region uploads for the report's map (issue 12): a GeoJSON
 * FeatureCollection with one Polygon or MultiPolygon feature per area, the area named by a
 * property (`code` by default) holding one of the region's area codes. The file is untrusted: it is
 * checked whole before anything is stored, and every problem is named by its place in the file
 * (`body.file.features.3.geometry.coordinates.0`) and a rule of shared/validation-messages.ts.
 */

/** The longest file accepted, in characters (the request's body limit is 1 MiB). */
export const BOUNDARY_FILE_MAX = 900_000;
/** At most this many features, and this many problems reported. */
export const BOUNDARY_FEATURES_MAX = 500;
const ISSUES_MAX = 50;

export interface BoundaryPolygon {
  type: "Polygon" | "MultiPolygon";
  coordinates: number[][][] | number[][][][];
}
export interface BoundaryFeature {
  type: "Feature";
  properties: Record<string, unknown>;
  geometry: BoundaryPolygon;
}
export interface BoundaryCollection {
  type: "FeatureCollection";
  features: BoundaryFeature[];
}

const Feature = z.object({
  type: z.literal("Feature"),
  properties: z.record(z.string(), z.unknown()),
  geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
});
const Collection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(Feature).min(1).max(BOUNDARY_FEATURES_MAX),
});

export type BoundaryCheck =
  | { ok: true; collection: BoundaryCollection; areas: string[] }
  | { ok: false; issues: FieldIssue[] };

const at = (path: ReadonlyArray<PropertyKey>) => ["body.file", ...path.map(String)].join(".");
const where = (path: ReadonlyArray<PropertyKey>) =>
  path[0] === "features" && typeof path[1] === "number" ? `feature ${path[1]}: ` : "";

/** The problems of one position [lon, lat] (a third number, the altitude, is allowed). */
function checkPosition(p: unknown, path: PropertyKey[], out: FieldIssue[]): p is number[] {
  const ok =
    Array.isArray(p) &&
    (p.length === 2 || p.length === 3) &&
    p.every((n) => typeof n === "number" && Number.isFinite(n)) &&
    p[0] >= -180 &&
    p[0] <= 180 &&
    p[1] >= -90 &&
    p[1] <= 90;
  if (!ok)
    out.push({
      field: at(path),
      rule: "coordinate_range",
      message: `${where(path)}position ${String(path.at(-1))} of ring ${String(path.at(-2))} must be [longitude, latitude] with finite numbers, longitude in −180…180 and latitude in −90…90 (it is ${JSON.stringify(p)?.slice(0, 60)})`,
    });
  return ok;
}

/** A linear ring: at least 4 valid positions, the last the same as the first. */
function checkRing(ring: unknown, path: PropertyKey[], out: FieldIssue[]): void {
  if (!Array.isArray(ring)) {
    out.push({
      field: at(path),
      rule: "invalid_type",
      params: { expected: "array" },
      message: `${where(path)}ring ${String(path.at(-1))} must be a list of positions`,
    });
    return;
  }
  const before = out.length;
  ring.forEach((p, i) => {
    if (out.length < ISSUES_MAX) checkPosition(p, [...path, i], out);
  });
  if (out.length > before) return;
  if (ring.length < 4) {
    out.push({
      field: at(path),
      rule: "ring_too_short",
      params: { min: 4 },
      message: `${where(path)}ring ${String(path.at(-1))} has ${ring.length} positions; a closed ring needs at least 4`,
    });
    return;
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first.length !== last.length || first.some((v, i) => v !== last[i]))
    out.push({
      field: at(path),
      rule: "ring_not_closed",
      message: `${where(path)}ring ${String(path.at(-1))} is not closed: its last position ${JSON.stringify(last)} is not its first ${JSON.stringify(first)}`,
    });
}

/** A polygon: a non-empty list of rings. */
function checkPolygon(rings: unknown, path: PropertyKey[], out: FieldIssue[]): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    out.push({
      field: at(path),
      rule: "invalid_type",
      params: { expected: "array" },
      message: `${where(path)}a polygon must be a non-empty list of rings`,
    });
    return;
  }
  rings.forEach((r, i) => {
    if (out.length < ISSUES_MAX) checkRing(r, [...path, i], out);
  });
}

function checkGeometry(g: { type: string; coordinates: unknown }, i: number, out: FieldIssue[]): void {
  const path: PropertyKey[] = ["features", i, "geometry"];
  if (g.type === "Polygon") {
    checkPolygon(g.coordinates, [...path, "coordinates"], out);
    return;
  }
  if (g.type === "MultiPolygon") {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
      out.push({
        field: at([...path, "coordinates"]),
        rule: "invalid_type",
        params: { expected: "array" },
        message: `feature ${i}: a MultiPolygon must be a non-empty list of polygons`,
      });
      return;
    }
    g.coordinates.forEach((poly, k) => {
      if (out.length < ISSUES_MAX) checkPolygon(poly, [...path, "coordinates", k], out);
    });
    return;
  }
  out.push({
    field: at([...path, "type"]),
    rule: "geometry_type",
    params: { values: ["Polygon", "MultiPolygon"] },
    message: `feature ${i}: geometry type ${JSON.stringify(g.type).slice(0, 40)} is not allowed: only Polygon and MultiPolygon`,
  });
}

/** What a client needs to say a zod issue (the documented `IssueParams`). */
function zodParams(i: z.core.$ZodIssue): IssueParams | undefined {
  if (i.code === "invalid_value") return { values: i.values.map((v) => String(v)) };
  if (i.code === "invalid_type") return { expected: i.expected };
  if (i.code === "too_small")
    return { min: Number(i.minimum), origin: i.origin, inclusive: i.inclusive ?? true };
  if (i.code === "too_big")
    return { max: Number(i.maximum), origin: i.origin, inclusive: i.inclusive ?? true };
  return undefined;
}

/**
 * Check an uploaded boundaries file against the region's area codes: size, JSON, a
 * FeatureCollection of Features (zod), only Polygon/MultiPolygon geometries of closed rings of
 * finite [lon, lat] in range, every feature's `property` an area code of the region, no area
 * twice. All problems (up to 50) or the collection and the areas it covers.
 */
export function checkBoundaries(
  text: string,
  region: { areaCodes: readonly string[]; property: string },
): BoundaryCheck {
  if (text.length > BOUNDARY_FILE_MAX)
    return {
      ok: false,
      issues: [
        {
          field: "body.file",
          rule: "too_big",
          params: { max: BOUNDARY_FILE_MAX, origin: "string", inclusive: true },
          message: `the file has ${text.length} characters; at most ${BOUNDARY_FILE_MAX} are accepted (simplify the boundaries)`,
        },
      ],
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      issues: [
        {
          field: "body.file",
          rule: "json",
          message: `the file is not valid JSON (${err instanceof Error ? err.message.slice(0, 120) : "unreadable"})`,
        },
      ],
    };
  }
  const parsed = Collection.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.slice(0, ISSUES_MAX).map((i) => {
        const params = zodParams(i);
        const label = i.path.length ? String(i.path.at(-1)) : "the file";
        return {
          field: at(i.path),
          rule: i.code,
          ...(params ? { params } : {}),
          message: `${where(i.path)}${validationMessage({ rule: i.code, params }, "en", { label })}`,
        };
      }),
    };
  const out: FieldIssue[] = [];
  const seen = new Map<string, number>();
  const known = new Set(region.areaCodes);
  parsed.data.features.forEach((f, i) => {
    if (out.length >= ISSUES_MAX) return;
    checkGeometry(f.geometry, i, out);
    const field = at(["features", i, "properties", region.property]);
    const raw = f.properties[region.property];
    if (typeof raw !== "string" && typeof raw !== "number") {
      out.push({
        field,
        rule: "required",
        message: `feature ${i}: the property "${region.property}" naming its area is missing`,
      });
      return;
    }
    const code = String(raw);
    if (!known.has(code)) {
      out.push({
        field,
        rule: "unknown_area",
        params: { area: code.slice(0, 64), values: [...region.areaCodes] },
        message: `feature ${i}: "${code.slice(0, 64)}" is not an area of the region (${region.areaCodes.join(", ") || "it has none"})`,
      });
      return;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      out.push({
        field,
        rule: "duplicate",
        params: { area: code, first },
        message: `feature ${i}: area "${code}" already has feature ${first}`,
      });
      return;
    }
    seen.set(code, i);
  });
  if (out.length) return { ok: false, issues: out.slice(0, ISSUES_MAX) };
  // what is stored: the geometry and the area code of each feature, nothing else of the file
  const features = parsed.data.features.map((f) => ({
    type: "Feature" as const,
    properties: { [region.property]: String(f.properties[region.property]) },
    geometry: f.geometry as BoundaryPolygon,
  }));
  return { ok: true, collection: { type: "FeatureCollection", features }, areas: [...seen.keys()].sort() };
}
