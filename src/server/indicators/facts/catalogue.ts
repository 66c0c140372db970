import type { Executor } from "../../infra/db/executor.ts";
import { type AsOfCells, type Cell, compareKeys, NO_KEY } from "../compile.ts";
import type { IndicatorDefinition } from "../definition.ts";
import type { ProgrammeContext } from "../service.ts";
import {
  cellFromCounters,
  FACT_READINGS,
  type Histogram,
  histogramMedian,
  histogramSize,
  mergeHistogram,
} from "./built-ins.ts";
import { addCounters, type Counters, zeroCounters } from "./counters.ts";
import { getOrSet } from "./maps.ts";
import { readMedianExceptions, readSiteTargets } from "./read.ts";
import { siteCounters, siteHistograms } from "./site-reads.ts";

/** Dimensions the maintained facts answer (they are kept per site). */
export type FactsDimension = "site" | "area";

/** Definitions the facts answer: built-ins (by identity), whatever their position. */
export function readableFromFacts(
  defs: readonly IndicatorDefinition[],
  builtIn: readonly IndicatorDefinition[],
) {
  return defs.every((d) => builtIn.includes(d) && FACT_READINGS[d.id] !== undefined);
}

interface Group {
  key: string;
  siteIds: number[];
}

function groupsOf(ctx: ProgrammeContext, by: FactsDimension): Group[] {
  const groups = new Map<string, number[]>();
  for (const s of ctx.sites) {
    const key = by === "site" ? s.code : (s.areaCode ?? NO_KEY);
    groups.set(key, [...(groups.get(key) ?? []), s.id]);
  }
  return [...groups]
    .map(([key, siteIds]) => ({ key, siteIds }))
    .sort((a, b) => compareKeys(by, ctx.inputs.parameters, a.key, b.key));
}

/**
 * Built-in indicators of a programme from its facts, for every site (or area) and the programme,
 * as of each reference date: the counters summed over day ≤ R, medians from the histograms
 * (corrected for the enrolments a past R makes exceptional), sites at target from the enrolled
 * counter, and the few site-level sources (groups, professionals) through `compiled`.
 */
export async function cellsFromFacts(
  db: Executor,
  ctx: ProgrammeContext,
  defs: readonly IndicatorDefinition[],
  options: { asOf: readonly string[]; by: FactsDimension; fresh?: boolean },
  compiled: (defs: IndicatorDefinition[]) => Promise<AsOfCells[]>,
): Promise<AsOfCells[]> {
  const pid = ctx.id;
  const readings = defs.map((d) => FACT_READINGS[d.id]!);
  const needsMedian = readings.some((r) => r.from === "median");
  const needsTargets = readings.some((r) => r.from === "site_target");
  const compiledDefs = defs.filter((_, j) => readings[j]!.from === "compiled");
  const [counters, histograms, targets, compiledCells] = await Promise.all([
    siteCounters(db, pid, options.asOf, { fresh: options.fresh }),
    needsMedian
      ? siteHistograms(db, pid, options.asOf, { fresh: options.fresh })
      : Promise.resolve(new Map<string, Map<number, Histogram>>()),
    needsTargets ? readSiteTargets(db, pid) : Promise.resolve(new Map<number, number>()),
    compiledDefs.length ? compiled(compiledDefs) : Promise.resolve([] as AsOfCells[]),
  ]);
  const groups = groupsOf(ctx, options.by);
  const defaultTarget = ctx.inputs.parameters.targetEnrolmentPerSite;
  const out: AsOfCells[] = [];
  for (const asOf of options.asOf) {
    const perSite = counters.get(asOf) ?? new Map<number, Counters>();
    const siteCounters = (id: number) => perSite.get(id) ?? zeroCounters();
    let siteHistograms = histograms.get(asOf) ?? new Map<number, Histogram>();
    if (needsMedian) siteHistograms = await histogramsAsOf(db, pid, asOf, siteHistograms);
    const fromCompiled = compiledCells.find((c) => c.asOf === asOf);
    const compiledCell = (j: number, key: string | null): Cell => {
      const k = compiledDefs.indexOf(defs[j]!);
      const cells =
        key === null ? fromCompiled?.total : fromCompiled?.groups.find((g) => g.key === key)?.cells;
      return cells?.[k] ?? { numerator: 0, denominator: null, value: 0, size: null };
    };
    const cellsFor = (siteIds: number[], key: string | null): Cell[] => {
      const sum = zeroCounters();
      for (const id of siteIds) addCounters(sum, siteCounters(id));
      return defs.map((_, j) => {
        const reading = readings[j]!;
        switch (reading.from) {
          case "ratio":
          case "count":
            return cellFromCounters(reading, sum);
          case "median": {
            const h: Histogram = new Map();
            for (const id of siteIds) mergeHistogram(h, siteHistograms.get(id) ?? new Map());
            return { numerator: null, denominator: null, value: histogramMedian(h), size: histogramSize(h) };
          }
          case "site_target": {
            const met = siteIds.filter(
              (id) => siteCounters(id).enrolled >= (targets.get(id) ?? defaultTarget),
            ).length;
            return { numerator: met, denominator: null, value: met, size: null };
          }
          default:
            return compiledCell(j, key);
        }
      });
    };
    out.push({
      asOf,
      groups: groups.map((g) => ({ key: g.key, cells: cellsFor(g.siteIds, g.key) })),
      total: cellsFor(
        ctx.sites.map((s) => s.id),
        null,
      ),
    });
  }
  return out;
}

/** The histograms as of R: the stored ones, with the exceptional enrolments moved to their R value. */
async function histogramsAsOf(
  db: Executor,
  programmeId: number,
  asOf: string,
  stored: Map<number, Histogram>,
): Promise<Map<number, Histogram>> {
  const exceptions = await readMedianExceptions(db, programmeId, asOf);
  if (exceptions.length === 0) return stored;
  const out = new Map<number, Histogram>([...stored].map(([site, h]) => [site, new Map(h)]));
  for (const e of exceptions) {
    const h = getOrSet(out, e.siteId, () => new Map());
    h.set(e.stored, (h.get(e.stored) ?? 0) - 1);
    if (e.atR !== null) h.set(e.atR, (h.get(e.atR) ?? 0) + 1);
  }
  return out;
}
