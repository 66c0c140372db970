import {
  allocate,
  centredMultipliers,
  centredProbabilities,
  clamp,
  lognormal,
  normal,
} from "./distributions.ts";
import type { Rng } from "./prng.ts";
import type { ProgrammeInfo, SiteInfo } from "./structure.ts";

/**
 * Relative size of each site's BPD enrolment, as in the Lombardy pilot (314 patients, 17.5 per
 * ASST on average, more than half above the target of 15, a few well below it). `--patients N`
 * scales these weights; a site not listed weighs 15.
 */
export const BPD_SITE_WEIGHTS: Record<string, number> = {
  LARIANA: 17,
  "SETTE-LAGHI": 21,
  "VALLE-OLONA": 16,
  VALTELLINA: 15,
  VALCAMONICA: 5,
  LECCO: 38,
  BRIANZA: 17,
  MONZA: 19,
  BRESCIA: 26,
  FRANCIACORTA: 15,
  GARDA: 12,
  CREMONA: 18,
  CREMA: 6,
  NIGUARDA: 41,
  "FBF-SACCO": 16,
  "SANTI-PAOLO-CARLO": 15,
  "MILANO-OVEST": 9,
  MELEGNANO: 8,
};

export const IMR_SITE_WEIGHTS: Record<string, number> = { NIGUARDA: 12, LECCO: 11, CREMONA: 8 };
/** IMR-LOM patients per BPD-LOM patient. */
export const IMR_SHARE = 0.1;

/** Region-level targets the site values vary around (the Lombardy monitoring figures). */
export const TARGETS = {
  female: 0.9,
  intensiveStart: 0.7,
  family: 0.34,
  caseManager: 0.76,
  plan: 0.88,
  planSigned: 0.66,
  sharedSocial: 0.3,
  sharedWork: 0.17,
  baselineAssessment: 0.74,
  assessmentIntervention: 0.3,
  newToService: 0.6,
  dropout: 0.13,
} as const;

export interface BpdSite {
  site: SiteInfo;
  patients: number;
  /** first day the site enrols (it took some sites months to start) */
  startDay: number;
  femaleP: number;
  intensiveP: number;
  familyP: number;
  caseManagerP: number;
  planP: number;
  signedP: number;
  socialP: number;
  workP: number;
  assessP: number;
  assessInterventionP: number;
  newToServiceP: number;
  missingFirstContactP: number;
  dropoutP: number;
  /** multiplies every patient's rate of individual contacts */
  activity: number;
  /** share of psychosocial types among individual contacts after the first three months */
  psychosocialShare: number;
  /** multipliers of the psychosocial type mix (some sites favour psychotherapy, others groups …) */
  typeEmphasis: Record<string, number>;
  /** profiles a site lets act as case manager (sites read the role differently) */
  caseManagerProfiles: string[];
  dbt: boolean;
  dbtJoinP: number;
  fc: boolean;
  fcJoinP: number;
  /** structured instruments in use at the site, with the chance each is given at baseline */
  instruments: Array<[instrument: string, p: number]>;
}

export interface ImrSite {
  site: SiteInfo;
  patients: number;
  startDay: number;
  groupShare: number;
  activity: number;
}

const PSYCHOSOCIAL_EMPHASIS = [
  "psychotherapy",
  "psychoeducation",
  "skills_training",
  "social_support",
  "job_placement",
] as const;

/** BPD site profiles: sizes from the weights, everything else drawn around the region's targets. */
export function bpdSites(rng: Rng, programme: ProgrammeInfo, patients: number, enrolEnd: number): BpdSite[] {
  const sites = programme.sites;
  const weights = sites.map((s) => BPD_SITE_WEIGHTS[s.code] ?? 15);
  const sizes = allocate(patients, weights);
  const p = (target: number, sd: number) => centredProbabilities(rng, target, sd, weights);
  const female = p(TARGETS.female, 0.25);
  const intensive = p(TARGETS.intensiveStart, 0.75);
  const family = p(TARGETS.family, 0.7);
  const caseManager = p(TARGETS.caseManager, 0.9);
  const plan = p(TARGETS.plan, 0.8);
  const signed = p(TARGETS.planSigned, 0.7);
  const social = p(TARGETS.sharedSocial, 0.7);
  const work = p(TARGETS.sharedWork, 0.7);
  const assess = p(TARGETS.baselineAssessment, 0.9);
  const assessIntervention = p(TARGETS.assessmentIntervention, 0.8);
  const newToService = p(TARGETS.newToService, 0.6);
  const dropout = p(TARGETS.dropout, 0.5);
  const activity = centredMultipliers(rng, 0.3, weights);
  // Which sites run groups: DBT skills at all but about one in six (the smaller ones more often
  // without), Family Connections at about two-thirds.
  const byRisk = sites
    .map((_, i) => [i, rng.next() * (1 + 20 / Math.max(weights[i]!, 1))] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const noDbt = new Set(byRisk.slice(0, Math.round(sites.length / 6)).map(([i]) => i));
  const fcOrder = sites
    .map((_, i) => [i, rng.next() + (noDbt.has(i) ? 1 : 0)] as const)
    .sort((a, b) => b[1] - a[1]);
  const noFc = new Set(fcOrder.slice(0, Math.round(sites.length / 3)).map(([i]) => i));
  const cmVariants = [
    ["psychiatrist", "psychologist"],
    ["psychologist", "rehabilitation_therapist", "educator", "nurse"],
    ["psychiatrist", "psychologist", "nurse", "rehabilitation_therapist", "educator", "social_worker"],
  ];
  return sites.map((site, i) => {
    const span = enrolEnd - programme.implementationStart;
    const lateStart = rng.chance(0.3) ? rng.int(30, Math.round(span * 0.4)) : rng.int(0, 30);
    const emphasis: Record<string, number> = {};
    for (const t of PSYCHOSOCIAL_EMPHASIS) emphasis[t] = lognormal(rng, 0.45);
    const instruments: Array<[string, number]> = [
      ["ZAN-BPD", rng.chance(0.85) ? rng.uniform(0.6, 0.95) : 0],
      ["BSL-23", rng.chance(0.75) ? rng.uniform(0.5, 0.95) : 0],
      ["SCID-5-PD", rng.chance(0.6) ? rng.uniform(0.3, 0.8) : 0],
      ["PHQ-9", rng.chance(0.45) ? rng.uniform(0.3, 0.8) : 0],
      ["C-SSRS", rng.chance(0.3) ? rng.uniform(0.2, 0.6) : 0],
      ["GAD-7", rng.chance(0.25) ? rng.uniform(0.2, 0.6) : 0],
      ["DASS-21", rng.chance(0.1) ? rng.uniform(0.3, 0.7) : 0],
    ];
    const used = instruments.filter(([, q]) => q > 0);
    return {
      site,
      patients: sizes[i]!,
      startDay: programme.implementationStart + lateStart,
      femaleP: female[i]!,
      intensiveP: intensive[i]!,
      familyP: family[i]!,
      caseManagerP: caseManager[i]!,
      planP: plan[i]!,
      signedP: signed[i]!,
      socialP: social[i]!,
      workP: work[i]!,
      assessP: assess[i]!,
      assessInterventionP: assessIntervention[i]!,
      newToServiceP: newToService[i]!,
      missingFirstContactP: clamp(normal(rng, 0.06, 0.05), 0, 0.2),
      dropoutP: dropout[i]!,
      activity: activity[i]!,
      psychosocialShare: clamp(normal(rng, 0.47, 0.07), 0.3, 0.65),
      typeEmphasis: emphasis,
      caseManagerProfiles: rng.pick(cmVariants),
      dbt: !noDbt.has(i),
      dbtJoinP: rng.uniform(0.45, 0.85),
      fc: !noFc.has(i),
      fcJoinP: rng.uniform(0.35, 0.75),
      instruments: used.length > 0 ? used : [["ZAN-BPD", 0.8]],
    };
  });
}

export function imrSites(rng: Rng, programme: ProgrammeInfo, patients: number): ImrSite[] {
  const weights = programme.sites.map((s) => IMR_SITE_WEIGHTS[s.code] ?? 10);
  const sizes = allocate(patients, weights);
  return programme.sites.map((site, i) => ({
    site,
    patients: sizes[i]!,
    startDay: programme.implementationStart + rng.int(0, 45),
    groupShare: rng.uniform(0.65, 0.9),
    activity: lognormal(rng, 0.25),
  }));
}
