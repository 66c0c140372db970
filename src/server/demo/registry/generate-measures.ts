import { isoOf, workingDay } from "./calendar.ts";
import { type Context, type DemoPatient, durationOf, type SiteStaff } from "./context.ts";
import { clamp, normal } from "./distributions.ts";
import type { Rng } from "./prng.ts";
import type { BpdSite } from "./sites.ts";

/**
 * Structured assessments (scores within the ranges of EXCHANGE-FORMAT.md) and individual
 * treatment plans, each plan with its first history entry.
 */

interface Instrument {
  respondent: "patient" | "clinician";
  /** baseline total, or null for instruments without a total */
  baseline: ((rng: Rng) => number) | null;
  /** a later total given an earlier one (improvement with noise), within the range */
  later: (rng: Rng, before: number) => number;
}

const int = (min: number, max: number) => (x: number) => clamp(Math.round(x), min, max);
const mean2 = (x: number) => clamp(Math.round(x * 100) / 100, 0, 4);

export const INSTRUMENTS: Record<string, Instrument> = {
  "ZAN-BPD": {
    respondent: "clinician",
    baseline: (r) => int(0, 36)(normal(r, 16, 6)),
    later: (r, b) => int(0, 36)(b - normal(r, 4, 4)),
  },
  "BSL-23": {
    respondent: "patient",
    baseline: (r) => mean2(normal(r, 2.2, 0.75)),
    later: (r, b) => mean2(b - normal(r, 0.45, 0.5)),
  },
  "PHQ-9": {
    respondent: "patient",
    baseline: (r) => int(0, 27)(normal(r, 15, 5)),
    later: (r, b) => int(0, 27)(b - normal(r, 3.5, 4)),
  },
  "GAD-7": {
    respondent: "patient",
    baseline: (r) => int(0, 21)(normal(r, 12, 4)),
    later: (r, b) => int(0, 21)(b - normal(r, 2.5, 3.5)),
  },
  "DASS-21": {
    respondent: "patient",
    baseline: (r) => int(0, 126)(normal(r, 62, 22)),
    later: (r, b) => int(0, 126)(b - normal(r, 12, 16)),
  },
  "SCID-5-PD": { respondent: "clinician", baseline: null, later: () => 0 },
  "C-SSRS": { respondent: "clinician", baseline: null, later: () => 0 },
  "IMRS-CLINICIAN": {
    respondent: "clinician",
    baseline: (r) => int(15, 75)(normal(r, 43, 8)),
    later: (r, b) => int(15, 75)(b + normal(r, 4, 4)),
  },
  "IMRS-CLIENT": {
    respondent: "patient",
    baseline: (r) => int(15, 75)(normal(r, 46, 9)),
    later: (r, b) => int(15, 75)(b + normal(r, 3.5, 5)),
  },
};

function writeAssessment(
  ctx: Context,
  p: DemoPatient,
  day: number,
  instrument: string,
  timepoint: string | null,
  total: number | null,
): void {
  const id = ctx.id("assessment");
  ctx.batch.add("assessments", [
    id,
    ctx.codes.assessment.code(id),
    p.id,
    isoOf(day),
    instrument,
    INSTRUMENTS[instrument]!.respondent,
    timepoint,
    total,
  ]);
  ctx.counts.assessments += 1;
}

/** Baseline (most patients), six-month follow-up and end-of-care administrations. */
function administer(
  ctx: Context,
  rng: Rng,
  p: DemoPatient,
  baselineDay: number,
  instruments: string[],
  followUp: { p: number; from: number; to: number },
  endP: number,
): void {
  const baseline = new Map<string, number>();
  instruments.forEach((name, i) => {
    const day = Math.min(p.careEnd, i > 0 && rng.chance(0.4) ? baselineDay + rng.int(1, 14) : baselineDay);
    const make = INSTRUMENTS[name]!.baseline;
    const total = make ? make(rng) : null;
    if (total !== null) baseline.set(name, total);
    writeAssessment(ctx, p, day, name, rng.chance(0.05) ? null : "baseline", total);
  });
  const scored = [...baseline.entries()];
  const followDay = p.enrolDay + rng.int(followUp.from, followUp.to);
  const later = new Map(scored);
  if (scored.length > 0 && followDay <= p.careEnd && rng.chance(followUp.p)) {
    const day = workingDay(followDay, p.enrolDay, p.careEnd);
    for (const [name, before] of scored) {
      const total = INSTRUMENTS[name]!.later(rng, before);
      later.set(name, total);
      writeAssessment(ctx, p, day, name, "follow_up", total);
    }
  }
  if (scored.length > 0 && p.endReason === "completed" && rng.chance(endP)) {
    for (const [name, before] of later)
      writeAssessment(ctx, p, p.careEnd, name, "end", INSTRUMENTS[name]!.later(rng, before));
  }
}

export function bpdAssessments(
  ctx: Context,
  rng: Rng,
  site: BpdSite,
  staff: SiteStaff,
  p: DemoPatient,
): void {
  if (!rng.chance(site.assessP)) return;
  const offset = rng.chance(0.15) ? -rng.int(1, 30) : rng.int(0, 40);
  const day = workingDay(Math.min(p.enrolDay + offset, p.careEnd), p.enrolDay - 30, p.careEnd);
  const chosen = site.instruments.filter(([, q]) => rng.chance(q)).map(([name]) => name);
  const instruments = chosen.length > 0 ? chosen : [site.instruments[0]![0]];
  administer(ctx, rng, p, day, instruments, { p: 0.45, from: 150, to: 240 }, 0.5);
  // the structured assessment as a care contact, when it fell within the enrolment
  if (day >= p.enrolDay && rng.chance(site.assessInterventionP)) {
    p.events.push({
      day,
      type: "assessment",
      setting: "individual",
      recipient: "patient",
      professional: staff.clinicianFor(rng, p, "assessment"),
      withProfile: true,
      duration: durationOf(rng, "assessment"),
      groupId: null,
      sessionId: null,
      module: null,
    });
  }
}

export function imrAssessments(ctx: Context, rng: Rng, p: DemoPatient): void {
  const day = workingDay(Math.min(p.careEnd, p.enrolDay + rng.int(-7, 14)), p.enrolDay - 7, p.careEnd);
  const instruments = ["IMRS-CLINICIAN", "IMRS-CLIENT"].filter((_, i) => rng.chance(i === 0 ? 0.9 : 0.85));
  if (instruments.length > 0) administer(ctx, rng, p, day, instruments, { p: 0.7, from: 150, to: 200 }, 0.6);
}

export interface PlanRates {
  plan: number;
  signed: number;
  social: number;
  work: number;
}

/** One plan early in care, revised for some after about six months; the latest carries the rates. */
export function plans(ctx: Context, rng: Rng, p: DemoPatient, rates: PlanRates): void {
  if (!rng.chance(rates.plan)) return;
  const first = p.enrolDay + (rng.chance(0.1) ? -rng.int(1, 30) : rng.int(5, 75));
  if (first > p.careEnd) return;
  const days = [workingDay(first, p.enrolDay - 30, p.careEnd)];
  const revision = first + rng.int(150, 210);
  if (revision <= p.careEnd && rng.chance(0.22)) days.push(workingDay(revision, first + 1, p.careEnd));
  days.forEach((created, i) => {
    const latest = i === days.length - 1;
    const signed = rng.chance(latest ? rates.signed : rates.signed * 0.8);
    const sharedDay = signed || rng.chance(0.3) ? Math.min(created + rng.int(0, 21), p.careEnd) : null;
    const social = rng.chance(rates.social);
    const work = rng.chance(rates.work);
    const integrated = (social || work) && rng.chance(0.45);
    const id = ctx.id("plan");
    const row = {
      created_date: isoOf(created),
      shared_with_patient_date: sharedDay === null ? null : isoOf(sharedDay),
      signed_by_patient: signed,
      shared_with_social_services: social,
      shared_with_work_inclusion: work,
      integrated_actions_started: integrated,
    };
    ctx.batch.add("treatment_plans", [
      id,
      ctx.codes.plan.code(id),
      p.id,
      p.siteId,
      row.created_date,
      row.shared_with_patient_date,
      signed,
      social,
      work,
      integrated,
      1,
    ]);
    // The history keeps the plan's state as the registry writes it (`PlanState`, camelCase)
    ctx.batch.add("treatment_plan_history", [
      id,
      1,
      `${row.created_date} 12:00:00+00`,
      "system",
      JSON.stringify({
        createdDate: row.created_date,
        sharedWithPatientDate: row.shared_with_patient_date,
        signedByPatient: row.signed_by_patient,
        sharedWithSocialServices: row.shared_with_social_services,
        sharedWithWorkInclusion: row.shared_with_work_inclusion,
        integratedActionsStarted: row.integrated_actions_started,
      }),
    ]);
    ctx.counts.plans += 1;
  });
}
