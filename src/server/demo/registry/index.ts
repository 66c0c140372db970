import { setImmediate as yieldToLoop } from "node:timers/promises";
import { sql } from "kysely";
import { type Actor, audit, SYSTEM } from "../../infra/audit/audit.ts";
import type { Db } from "../../infra/db/database.ts";
import { isoOf } from "./calendar.ts";
import { Context, SiteStaff } from "./context.ts";
import { SiteMix } from "./generate-care.ts";
import { BLOCK, bpdUnit, type Dates, imrUnit } from "./generate-unit.ts";
import { Rng } from "./prng.ts";
import { bpdSites, IMR_SHARE, imrSites } from "./sites.ts";
import { loadStructure } from "./structure.ts";
import { Batch, TABLE_NAMES } from "./tables.ts";
import { dropForBulkLoad, type Sink, syncSequences, withSink, writeBatch } from "./write.ts";

/**
 * The demo registry: a deterministic, Lombardy-like care-delivery data set on top of the demo
 * structure (`seed-region.ts`). `patients` is the BPD-LOM enrolment (314 in the pilot); IMR-LOM
 * adds about one patient in ten at its three sites. The same seed gives byte-identical rows.
 */
export const DEFAULT_PATIENTS = 314;
export const DEFAULT_SEED = 1;
export const MAX_PATIENTS = 2_000_000;
export const BPD_PROGRAMME = "BPD-LOM";
export const IMR_PROGRAMME = "IMR-LOM";

/** Data run to the monitoring update, three months after the implementation phase closed. */
const CUTOFF_AFTER_IMPLEMENTATION = 92;
const FLUSH_ROWS = 50_000;

export interface DemoRegistryOptions {
  patients?: number;
  seed?: number;
  /** a PostgreSQL URL: stream rows with COPY over a connection of its own (same search_path as db) */
  copyUrl?: string;
  actor?: Actor;
  /** called after each block with the BPD+IMR patients written so far and the total */
  onProgress?: (done: number, total: number) => void;
}

export interface DemoRegistrySummary {
  seed: number;
  patients: number;
  enrolments: number;
  interventions: number;
  groups: number;
  groupSessions: number;
  groupMembers: number;
  assessments: number;
  plans: number;
  cutoff: string;
  writer: Sink["kind"];
  ms: number;
  /** milliseconds per phase: prepare (drop keys), write (generate + load), rebuild, facts, commit, audit, analyze */
  phases: Record<string, number>;
}

export function checkOptions(patients: number, seed: number): void {
  if (!Number.isInteger(patients) || patients < 0 || patients > MAX_PATIENTS)
    throw new Error(`--patients must be a whole number from 0 to ${MAX_PATIENTS}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error("--seed must be a whole number ≥ 0");
}

export async function generateDemoRegistry(
  db: Db,
  options: DemoRegistryOptions = {},
): Promise<DemoRegistrySummary> {
  const started = Date.now();
  const patients = options.patients ?? DEFAULT_PATIENTS;
  const seed = options.seed ?? DEFAULT_SEED;
  checkOptions(patients, seed);
  // ids are assigned here and the load rebuilds keys afterwards: only an empty registry will do
  const existing = await sql<{ any: boolean }>`select ${sql.raw(
    TABLE_NAMES.map((t) => `exists (select 1 from ${t})`).join(" or "),
  )} as any`.execute(db);
  if (existing.rows[0]?.any)
    throw new Error("the registry already holds data; the demo registry goes into an empty one");
  const structure = await loadStructure(db, [BPD_PROGRAMME, IMR_PROGRAMME]);
  const bpd = structure.get(BPD_PROGRAMME);
  if (!bpd) throw new Error(`the demo registry needs the demo region (programme ${BPD_PROGRAMME})`);
  const imr = structure.get(IMR_PROGRAMME);

  const bpdEnrolEnd = bpd.implementationEnd ?? bpd.implementationStart + 364;
  const cutoff = bpdEnrolEnd + CUTOFF_AFTER_IMPLEMENTATION;
  const dates: Dates = { cutoff, bpdEnrolEnd, imrEnrolEnd: cutoff - 60 };
  const siteRng = new Rng(seed, "sites");
  const bpdProfiles = bpdSites(siteRng.fork("BPD"), bpd, patients, bpdEnrolEnd);
  const imrPatients = imr ? Math.round(patients * IMR_SHARE) : 0;
  const imrProfiles =
    imr && imr.implementationStart < dates.imrEnrolEnd ? imrSites(siteRng.fork("IMR"), imr, imrPatients) : [];

  const units: Array<() => number> = [];
  const ctx = new Context(seed, cutoff);
  for (const site of bpdProfiles) {
    const staff = new SiteStaff(site.site);
    const mix = new SiteMix(site);
    for (let block = 0, left = site.patients; left > 0; block++, left -= BLOCK) {
      const n = Math.min(BLOCK, left);
      units.push(() => {
        bpdUnit(ctx, site, staff, mix, block, n, bpd.id, dates);
        return n;
      });
    }
  }
  for (const site of imrProfiles) {
    const staff = new SiteStaff(site.site);
    for (let block = 0, left = site.patients; left > 0; block++, left -= BLOCK) {
      const n = Math.min(BLOCK, left);
      units.push(() => {
        imrUnit(ctx, site, staff, block, n, imr!.id, dates);
        return n;
      });
    }
  }
  const total =
    bpdProfiles.reduce((a, s) => a + s.patients, 0) + imrProfiles.reduce((a, s) => a + s.patients, 0);

  const phases: Record<string, number> = {};
  let mark = Date.now();
  const lap = (phase: string) => {
    const now = Date.now();
    phases[phase] = now - mark;
    mark = now;
  };
  const writer = await withSink(db, options.copyUrl, async (sink) => {
    // the registry is empty: keys, indexes and foreign keys are rebuilt after the load, which is
    // several times faster than maintaining them row by row (foreign-key triggers above all)
    const restore = await dropForBulkLoad(sink);
    // indicator facts: built once for the whole registry at the end, not statement by statement
    await sink.query("set local praxis.facts = 'off'");
    lap("prepare");
    let inflight: Promise<void> = Promise.resolve();
    let done = 0;
    const flush = async () => {
      await inflight;
      const batch = ctx.batch;
      ctx.batch = new Batch();
      inflight = writeBatch(sink, batch);
      inflight.catch(() => {}); // surfaced by the next await
    };
    for (const unit of units) {
      done += unit();
      if (ctx.batch.size >= FLUSH_ROWS) await flush();
      options.onProgress?.(done, total);
      await yieldToLoop(); // lets a COPY in flight drain while the next block is generated
    }
    await flush();
    await inflight;
    lap("write");
    await restore();
    await syncSequences(sink);
    lap("rebuild");
    await sink.query("set local praxis.facts = 'on'");
    await sink.query("select indicator_rebuild_programme(id) from programmes order by id");
    lap("facts");
    return sink.kind;
  });
  lap("commit");

  const summary: DemoRegistrySummary = {
    seed,
    patients: ctx.counts.patients,
    enrolments: ctx.counts.enrolments,
    interventions: ctx.counts.interventions,
    groups: ctx.counts.groups,
    groupSessions: ctx.counts.groupSessions,
    groupMembers: ctx.counts.groupMembers,
    assessments: ctx.counts.assessments,
    plans: ctx.counts.plans,
    cutoff: isoOf(cutoff),
    writer,
    ms: 0,
    phases,
  };
  await db.transaction().execute((trx) =>
    audit(trx, options.actor ?? SYSTEM, {
      action: "demo_registry",
      entity: "registry",
      detail: { before: null, after: { ...summary, ms: undefined } },
    }),
  );
  lap("audit");
  await sql.raw(`analyze ${TABLE_NAMES.join(", ")}`).execute(db);
  lap("analyze");
  summary.ms = Date.now() - started;
  return summary;
}
