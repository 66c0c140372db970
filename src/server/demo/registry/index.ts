import { setImmediate as yieldToLoop } from "node:timers/promises";
import { sql } from "kysely";
import { type Actor, audit, SYSTEM } from "../../infra/audit/audit.ts";
import type { Db } from "../../infra/db/database.ts";
import { demoToday } from "../as-of.ts";
import { dayOf, isoOf } from "./calendar.ts";
import { Context, SiteStaff } from "./context.ts";
import { SiteMix } from "./generate-care.ts";
import { BLOCK, bpdUnit, type Dates, imrUnit } from "./generate-unit.ts";
import { Rng } from "./prng.ts";
import { bpdSites, IMR_SHARE, imrSites } from "./sites.ts";
import { loadStructure, type ProgrammeInfo } from "./structure.ts";
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
/**
 * Interventions per `--patients` patient (IMR's patients included in the total): the pilot's
 * intensity, 16.3 million for 200,000 patients before the demo ran to today.
 */
export const DEFAULT_INTERVENTIONS_PER_PATIENT = 81;
export const MAX_INTERVENTIONS_PER_PATIENT = 1000;
export const BPD_PROGRAMME = "BPD-LOM";
export const IMR_PROGRAMME = "IMR-LOM";

/** BPD enrolment continues through the sustainability phase until three weeks before the cut-off. */
const ENROLMENT_STOPS_BEFORE_CUTOFF = 21;
/** IMR enrolment stops two months before it. */
const IMR_ENROLMENT_STOPS_BEFORE_CUTOFF = 60;
/**
 * BPD patients of the trial runs that set the intensity (see `calibrate`): as many as the demo,
 * within these bounds — a pilot-sized demo varies more around its mean than 600 trial patients
 * do, and the first start should not wait for more.
 */
const CALIBRATION_PATIENTS = { min: 600, max: 1500 };
const FLUSH_ROWS = 50_000;

export interface DemoRegistryOptions {
  patients?: number;
  seed?: number;
  /** the day the demo is made (`YYYY-MM-DD`): data run to the day before; default today in Rome */
  asOf?: string;
  /** about this many interventions per patient (default 81) */
  interventionsPerPatient?: number;
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
  /** the rate multiplier of routine contacts that gives the asked intensity */
  careScale: number;
  writer: Sink["kind"];
  ms: number;
  /** milliseconds per phase: prepare (drop keys), write (generate + load), rebuild, facts, commit, audit, analyze */
  phases: Record<string, number>;
}

export function checkOptions(
  patients: number,
  seed: number,
  interventionsPerPatient = DEFAULT_INTERVENTIONS_PER_PATIENT,
): void {
  if (!Number.isInteger(patients) || patients < 0 || patients > MAX_PATIENTS)
    throw new Error(`--patients must be a whole number from 0 to ${MAX_PATIENTS}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error("--seed must be a whole number ≥ 0");
  if (
    !Number.isInteger(interventionsPerPatient) ||
    interventionsPerPatient < 1 ||
    interventionsPerPatient > MAX_INTERVENTIONS_PER_PATIENT
  )
    throw new Error(
      `--interventions-per-patient must be a whole number from 1 to ${MAX_INTERVENTIONS_PER_PATIENT}`,
    );
}

export async function generateDemoRegistry(
  db: Db,
  options: DemoRegistryOptions = {},
): Promise<DemoRegistrySummary> {
  const started = Date.now();
  const patients = options.patients ?? DEFAULT_PATIENTS;
  const seed = options.seed ?? DEFAULT_SEED;
  const asOf = options.asOf ?? demoToday();
  const perPatient = options.interventionsPerPatient ?? DEFAULT_INTERVENTIONS_PER_PATIENT;
  checkOptions(patients, seed, perPatient);
  // ids are assigned here and the load rebuilds keys afterwards: only an empty registry will do
  const existing = await sql<{ any: boolean }>`select ${sql.raw(
    TABLE_NAMES.map((t) => `exists (select 1 from ${t})`).join(" or "),
  )} as any`.execute(db);
  if (existing.rows[0]?.any)
    throw new Error("the registry already holds data; the demo registry goes into an empty one");
  const structure = await loadStructure(db, [BPD_PROGRAMME, IMR_PROGRAMME]);
  const bpd = structure.get(BPD_PROGRAMME);
  if (!bpd) throw new Error(`the demo registry needs the demo region (programme ${BPD_PROGRAMME})`);
  const imr = structure.get(IMR_PROGRAMME) ?? null;

  // Data run to yesterday; enrolment goes on through the sustainability phase.
  const cutoff = dayOf(asOf) - 1;
  if (cutoff <= bpd.implementationStart)
    throw new Error(`--as-of ${asOf} is before the demo programme's implementation began`);
  const dates: Dates = {
    cutoff,
    bpdEnrolEnd: Math.max(bpd.implementationStart, cutoff - ENROLMENT_STOPS_BEFORE_CUTOFF),
    imrEnrolEnd: cutoff - IMR_ENROLMENT_STOPS_BEFORE_CUTOFF,
  };
  const trialPatients = Math.min(CALIBRATION_PATIENTS.max, Math.max(CALIBRATION_PATIENTS.min, patients));
  const careScale = calibrate(seed, bpd, imr, dates, perPatient, trialPatients);
  const ctx = new Context(seed, cutoff, careScale);
  const { units, total } = planUnits(ctx, bpd, imr, patients, dates);

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
    careScale: Math.round(careScale * 1000) / 1000,
    writer,
    ms: 0,
    phases,
  };
  await db.transaction().execute((trx) =>
    audit(trx, options.actor ?? SYSTEM, {
      action: "demo_registry",
      entity: "registry",
      detail: {
        before: null,
        after: { ...summary, asOf, interventionsPerPatient: perPatient, ms: undefined },
      },
    }),
  );
  lap("audit");
  // the indicator facts too: PGlite has no autovacuum, and a planner that thinks the facts are
  // empty sorts the catalogue's read where it should hash it
  await sql
    .raw(
      `analyze ${[...TABLE_NAMES, "indicator_enrolment_facts", "indicator_site_days", "indicator_site_month_histograms"].join(", ")}`,
    )
    .execute(db);
  lap("analyze");
  summary.ms = Date.now() - started;
  return summary;
}

/**
 * The generation units (a block of at most `BLOCK` patients of one site each) for `patients`
 * BPD patients and IMR's share, in the order they are written. Site profiles do not depend on
 * the count, so a trial run sees the same sites as the real one.
 */
function planUnits(
  ctx: Context,
  bpd: ProgrammeInfo,
  imr: ProgrammeInfo | null,
  patients: number,
  dates: Dates,
): { units: Array<() => number>; total: number } {
  const siteRng = new Rng(ctx.seed, "sites");
  // sites start within the implementation year (some took months), whatever follows it
  const firstYearEnd = Math.min(dates.bpdEnrolEnd, bpd.implementationStart + 364);
  const bpdProfiles = bpdSites(siteRng.fork("BPD"), bpd, patients, firstYearEnd);
  const imrPatients = imr ? Math.round(patients * IMR_SHARE) : 0;
  const imrProfiles =
    imr && imr.implementationStart < dates.imrEnrolEnd ? imrSites(siteRng.fork("IMR"), imr, imrPatients) : [];
  const units: Array<() => number> = [];
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
  return { units, total };
}

/**
 * The rate multiplier of routine contacts that gives about `perPatient` interventions per BPD
 * patient. Interventions per patient are, nearly exactly, a fixed part (the early window's
 * psychosocial contacts, group sessions, assessments) plus a part proportional to the
 * multiplier; two trial runs of the same generator on `trialPatients` patients (no rows kept)
 * measure both, deterministically for the seed and the date.
 */
export function calibrate(
  seed: number,
  bpd: ProgrammeInfo,
  imr: ProgrammeInfo | null,
  dates: Dates,
  perPatient: number,
  trialPatients = CALIBRATION_PATIENTS.max,
): number {
  const trial = (scale: number) => {
    const ctx = new Context(seed, dates.cutoff, scale);
    const { units } = planUnits(ctx, bpd, imr, trialPatients, dates);
    for (const unit of units) {
      unit();
      ctx.batch = new Batch();
    }
    return ctx.counts.interventions / trialPatients;
  };
  const fixed = trial(0);
  const proportional = trial(1) - fixed;
  if (proportional <= 0) return 1;
  return Math.max(0, (perPatient - fixed) / proportional);
}
