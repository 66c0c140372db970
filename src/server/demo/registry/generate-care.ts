import { PARAMETER_DEFAULTS } from "../../../shared/programme-defaults.ts";
import { workingDay } from "./calendar.ts";
import { type CareEvent, type DemoPatient, durationOf, isPsychosocial, type SiteStaff } from "./context.ts";
import { lognormal, poisson, Weighted } from "./distributions.ts";
import type { Rng } from "./prng.ts";
import type { BpdSite, ImrSite } from "./sites.ts";

/**
 * Individual care contacts. BPD: an early window (days 0–89) that is intensive (≥ 5 psychosocial
 * contacts) for the patients drawn as such and deliberately below the threshold for the others,
 * then a steady rate mixing psychosocial work with visits, nursing and coordination; contact with
 * families only for the patients whose family was reached. IMR: the curriculum individually for
 * those not in a group, with the usual visits around it.
 */

/** Individual contacts per 30 days, before site and patient multipliers. */
const BPD_RATE = 8.3;
const EARLY_EXTRA = 3.5;
export const INTENSIVE_THRESHOLD = 5;
const EARLY_DAYS = PARAMETER_DEFAULTS.earlyWindowDays;

const NON_INTENSIVE_EARLY = new Weighted<number>([
  [0, 10],
  [1, 16],
  [2, 22],
  [3, 26],
  [4, 26],
]);
const NON_PSYCHOSOCIAL = new Weighted<string>([
  ["psychiatric_visit", 36],
  ["case_coordination", 34],
  ["nursing", 14],
  ["crisis_intervention", 8],
  ["other", 8],
]);
const PSYCHOSOCIAL_BASE: Array<[string, number]> = [
  ["psychotherapy", 34],
  ["psychoeducation", 20],
  ["skills_training", 14],
  ["social_support", 10],
  ["job_placement", 6],
  ["assessment", 2],
];
const EARLY_TILT: Record<string, number> = {
  psychoeducation: 1,
  assessment: 1.5,
  job_placement: 0.3,
  social_support: 0.6,
};

/** A site's psychosocial mix (its emphasis on each type), from which each patient's own mix is drawn. */
export class SiteMix {
  private readonly base: Array<[string, number]>;
  constructor(site: BpdSite) {
    this.base = PSYCHOSOCIAL_BASE.map(([t, w]) => [t, w * (site.typeEmphasis[t] ?? 1)]);
  }

  /** A patient's mix: the site's, reweighted by what this patient's care centres on. */
  forPatient(rng: Rng): { early: Weighted<string>; later: Weighted<string> } {
    const mix = this.base.map(([t, w]) => [t, w * lognormal(rng, 1)] as [string, number]);
    return {
      later: new Weighted(mix),
      early: new Weighted(mix.map(([t, w]) => [t, w * (EARLY_TILT[t] ?? 1)] as [string, number])),
    };
  }
}

function event(
  rng: Rng,
  staff: SiteStaff,
  p: DemoPatient,
  day: number,
  type: string,
  recipient: CareEvent["recipient"] = "patient",
): CareEvent {
  return {
    day,
    type,
    setting: "individual",
    recipient,
    professional: rng.chance(0.015) ? null : staff.clinicianFor(rng, p, type),
    withProfile: !rng.chance(0.03),
    duration: durationOf(rng, type),
    groupId: null,
    sessionId: null,
    module: null,
  };
}

/** A working day in [from, to]. */
const dayIn = (rng: Rng, from: number, to: number) =>
  workingDay(from + Math.floor(rng.next() * (to - from + 1)), from, to);

function recipientFor(rng: Rng, p: DemoPatient, type: string): CareEvent["recipient"] {
  if (!p.family) return "patient";
  if (type === "psychoeducation" && rng.chance(0.25)) return "patient_and_family";
  if ((type === "psychiatric_visit" || type === "crisis_intervention") && rng.chance(0.08))
    return "patient_and_family";
  return "patient";
}

/**
 * `scale` multiplies the rate of routine contacts (everything but the early window's
 * psychosocial contacts, which define an intensive start, and group sessions): it is how
 * `--interventions-per-patient` sets the registry's intensity.
 */
export function bpdCare(
  rng: Rng,
  site: BpdSite,
  siteMix: SiteMix,
  staff: SiteStaff,
  p: DemoPatient,
  scale = 1,
): void {
  const mix = siteMix.forPatient(rng);
  const careDays = p.careEnd - p.enrolDay + 1;
  const earlyLast = p.enrolDay + Math.min(EARLY_DAYS, careDays) - 1;
  const rate = BPD_RATE * site.activity * p.intensity * scale;
  const out = p.events;
  const add = (day: number, type: string, recipient = recipientFor(rng, p, type)) =>
    out.push(event(rng, staff, p, day, type, recipient));

  // the first three months
  const earlyPsy = out.filter((e) => e.day <= earlyLast && isPsychosocial(e.type)).length;
  const target = p.intensive
    ? INTENSIVE_THRESHOLD + poisson(rng, EARLY_EXTRA * site.activity * p.intensity)
    : NON_INTENSIVE_EARLY.draw(rng);
  for (let k = earlyPsy; k < target; k++) add(dayIn(rng, p.enrolDay, earlyLast), mix.early.draw(rng));
  const earlyOther = poisson(
    rng,
    ((rate * (1 - site.psychosocialShare) * (earlyLast - p.enrolDay + 1)) / 30) * 1.2,
  );
  for (let k = 0; k < earlyOther; k++) add(dayIn(rng, p.enrolDay, earlyLast), NON_PSYCHOSOCIAL.draw(rng));

  // the rest of the care period
  if (p.careEnd > earlyLast) {
    const n = poisson(rng, (rate * (p.careEnd - earlyLast)) / 30);
    for (let k = 0; k < n; k++) {
      const day = dayIn(rng, earlyLast + 1, p.careEnd);
      add(day, rng.chance(site.psychosocialShare) ? mix.later.draw(rng) : NON_PSYCHOSOCIAL.draw(rng));
    }
  }

  // families: individual sessions with relatives (fewer for families already in a group)
  if (p.family) {
    const n = p.inFc ? poisson(rng, 0.8 * scale) : 1 + poisson(rng, 2 * p.intensity * scale);
    for (let k = 0; k < n; k++) {
      add(
        dayIn(rng, p.enrolDay, p.careEnd),
        "family_intervention",
        rng.chance(0.6) ? "family" : "patient_and_family",
      );
    }
  }
  keepEarlyWindow(rng, staff, mix, p, earlyLast);
}

/**
 * Make the early window match the patient's draw: at least the threshold of psychosocial contacts
 * for an intensive start, at most threshold − 1 otherwise (extra ones move after day 89, or are
 * dropped when care ended within the window).
 */
function keepEarlyWindow(
  rng: Rng,
  staff: SiteStaff,
  mix: { early: Weighted<string> },
  p: DemoPatient,
  earlyLast: number,
): void {
  const isEarlyPsy = (e: CareEvent) => e.day <= earlyLast && isPsychosocial(e.type);
  let early = p.events.filter(isEarlyPsy).length;
  if (p.intensive) {
    for (; early < INTENSIVE_THRESHOLD; early++) {
      p.events.push(event(rng, staff, p, dayIn(rng, p.enrolDay, earlyLast), mix.early.draw(rng)));
    }
    return;
  }
  while (early >= INTENSIVE_THRESHOLD) {
    // move (or drop) an individual contact, keeping family contacts and assessments where possible
    const candidates = p.events
      .map((e, i) => [e, i] as const)
      .filter(([e]) => isEarlyPsy(e) && e.setting === "individual");
    if (candidates.length === 0) break;
    const rank = (e: CareEvent) => (e.type === "family_intervention" ? 2 : e.type === "assessment" ? 1 : 0);
    candidates.sort((a, b) => rank(a[0]) - rank(b[0]) || b[0].day - a[0].day || a[1] - b[1]);
    const [e, i] = candidates[0]!;
    if (p.careEnd > earlyLast) e.day = dayIn(rng, earlyLast + 1, p.careEnd);
    else p.events.splice(i, 1);
    early -= 1;
  }
}

export function imrCare(rng: Rng, site: ImrSite, staff: SiteStaff, p: DemoPatient, careScale = 1): void {
  const days = p.careEnd - p.enrolDay + 1;
  const scale = site.activity * p.intensity * careScale;
  const out = p.events;
  const add = (type: string, recipient: CareEvent["recipient"] = "patient", module: string | null = null) => {
    const e = event(rng, staff, p, dayIn(rng, p.enrolDay, p.careEnd), type, recipient);
    e.module = module;
    out.push(e);
  };
  // individual IMR sessions: the curriculum for those outside a group, catch-up sessions for members
  const sessions = poisson(rng, ((p.inGroup ? 1 / 60 : 1 / 9) * days * scale) as number);
  const days0 = Array.from({ length: sessions }, () => dayIn(rng, p.enrolDay, p.careEnd)).sort(
    (a, b) => a - b,
  );
  days0.forEach((day, k) => {
    const e = event(rng, staff, p, day, "imr_session");
    e.module = `IMR-${Math.min(11, 1 + Math.floor(k / 2.4))}`;
    out.push(e);
  });
  for (let k = poisson(rng, (days / 35) * scale); k > 0; k--) add("psychiatric_visit");
  for (let k = poisson(rng, (days / 30) * scale); k > 0; k--) add("nursing");
  for (let k = poisson(rng, (days / 25) * scale); k > 0; k--) add("case_coordination");
  for (let k = poisson(rng, (days / 90) * scale); k > 0; k--)
    add(rng.chance(0.5) ? "social_support" : "job_placement");
  for (let k = poisson(rng, days / 200); k > 0; k--) add("crisis_intervention");
  if (p.family)
    for (let k = 1 + poisson(rng, 1); k > 0; k--)
      add("psychoeducation", rng.chance(0.5) ? "family" : "patient_and_family");
}
