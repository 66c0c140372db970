import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../infra/db/database.ts";
import { type AsOfCells, type Cell, canonical, compareKeys, compile, NO_KEY } from "./compile.ts";
import type { IndicatorDefinition } from "./definition.ts";
import type { ProgrammeContext } from "./service.ts";

/** Bump when the shape of a cached site result changes: old entries are then never read. */
const FORMAT = 1;

/** What one site contributes to each reference date: its cells, medians with their values. */
type SiteResult = Record<string, Cell[]>;

/**
 * Indicators recomputed from the records (user-defined ones whose record sets the facts do not
 * count), by site or area, cached per site: each site's cells are kept under the site's version
 * (indicator_site_versions, bumped by every change of the data of an enrolment at the site), so
 * a write at one site recomputes that site alone and the others come from the cache. The areas
 * and the programme row are merged from the sites: sums for ratios and counts, the merged values
 * for medians — exactly what one query over all sites gives.
 *
 * The version is read before the data: a cached result can only be newer than its version, never
 * older, so a stale result is never trusted (a write racing the computation only costs a
 * recomputation next time).
 */
export async function siteCachedCells(
  db: Db,
  ctx: ProgrammeContext,
  defs: IndicatorDefinition[],
  options: { asOf: string[]; by: "site" | "area" },
  execute: (compiled: ReturnType<typeof compile>) => Promise<AsOfCells[]>,
): Promise<AsOfCells[]> {
  const asOfs = [...new Set(options.asOf)];
  const key = createHash("sha256")
    .update(canonical([FORMAT, defs, ctx.inputs, asOfs]))
    .digest("hex");
  const siteIds = ctx.sites.map((s) => s.id);
  const { rows } = await sql<{ site_id: number; version: number; result: SiteResult | null }>`
    select s.site_id, coalesce(v.version, 0)::float8 as version, c.result
    from unnest(${siteIds}::int[]) as s(site_id)
    left join indicator_site_versions v on v.programme_id = ${ctx.id} and v.site_id = s.site_id
    left join indicator_site_cache c on c.programme_id = ${ctx.id} and c.site_id = s.site_id
      and c.cache_key = ${key} and c.version = coalesce(v.version, 0)`.execute(db);
  const results = new Map<number, SiteResult>();
  const stale: Array<{ siteId: number; version: number }> = [];
  for (const r of rows) {
    if (r.result) results.set(r.site_id, r.result);
    else stale.push({ siteId: r.site_id, version: Number(r.version) });
  }
  if (stale.length > 0) {
    const computed = await execute(
      compile(defs, ctx.inputs, {
        asOf: asOfs,
        by: "site",
        sites: stale.map((s) => s.siteId),
        medianValues: true,
      }),
    );
    for (const { siteId } of stale) {
      const code = ctx.sites.find((s) => s.id === siteId)!.code;
      const result: SiteResult = {};
      for (const at of computed) {
        result[at.asOf] = at.groups.find((g) => g.key === code)?.cells ?? defs.map(emptyCell);
      }
      results.set(siteId, result);
    }
    await store(db, ctx.id, key, stale, results);
  }
  const groups = new Map<string, number[]>();
  for (const s of ctx.sites) {
    const k = options.by === "site" ? s.code : (s.areaCode ?? NO_KEY);
    groups.set(k, [...(groups.get(k) ?? []), s.id]);
  }
  const keys = [...groups.keys()].sort((a, b) => compareKeys(options.by, ctx.inputs.parameters, a, b));
  return options.asOf.map((asOf) => {
    const merged = (ids: number[]) =>
      defs.map((d, j) =>
        mergeCells(
          d,
          ids.map((id) => results.get(id)?.[asOf]?.[j] ?? emptyCell(d)),
        ),
      );
    return {
      asOf,
      groups: keys.map((k) => ({ key: k, cells: merged(groups.get(k)!) })),
      total: merged(siteIds),
    };
  });
}

/** Only enrolment indicators have a population size; site-level sources (offers, groups…) have none. */
const sized = (d: IndicatorDefinition) => d.compute.source === "enrolments";

function emptyCell(d: IndicatorDefinition): Cell {
  const size = sized(d) ? 0 : null;
  if (d.kind === "ratio") return { numerator: 0, denominator: 0, value: null, size };
  if (d.kind === "count") return { numerator: 0, denominator: null, value: 0, size };
  return { numerator: null, denominator: null, value: null, size, values: [] };
}

/** Cells of disjoint groups of enrolments as one: sums, or the median of all their values. */
export function mergeCells(d: IndicatorDefinition, cells: Cell[]): Cell {
  const size = sized(d) ? cells.reduce((s, c) => s + (c.size ?? 0), 0) : null;
  if (d.kind === "median") {
    const values = cells.flatMap((c) => c.values ?? []).sort((a, b) => a - b);
    const n = values.length;
    const value = n === 0 ? null : n % 2 ? values[(n - 1) / 2]! : (values[n / 2 - 1]! + values[n / 2]!) / 2;
    return { numerator: null, denominator: null, value, size };
  }
  const numerator = cells.reduce((s, c) => s + (c.numerator ?? 0), 0);
  if (d.kind === "count") return { numerator, denominator: null, value: numerator, size };
  const denominator = cells.reduce((s, c) => s + (c.denominator ?? 0), 0);
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator, size };
}

async function store(
  db: Db,
  programmeId: number,
  key: string,
  stale: Array<{ siteId: number; version: number }>,
  results: Map<number, SiteResult>,
) {
  try {
    const entries = stale.map(({ siteId, version }) => ({
      site_id: siteId,
      version,
      result: results.get(siteId),
    }));
    await db.transaction().execute(async (trx) => {
      await sql`
        insert into indicator_site_cache as c (programme_id, site_id, cache_key, version, result)
        select ${programmeId}, x.site_id, ${key}, x.version, x.result
        from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as x(site_id int, version bigint, result jsonb)
        order by x.site_id
        on conflict (programme_id, site_id, cache_key) do update
          set version = excluded.version, result = excluded.result, computed_at = now()
          where c.version <= excluded.version`.execute(trx);
      // Entries nobody asked for in a month (other dates, changed definitions) are dropped.
      await sql`delete from indicator_site_cache
        where programme_id = ${programmeId} and computed_at < now() - interval '30 days'`.execute(trx);
    });
  } catch {
    /* a cache write that fails (a programme deleted meanwhile, a lost race) only costs a recomputation */
  }
}
