import { PARAMETER_DEFAULTS } from "../../../shared/programme-defaults.ts";
import type { Context, DemoPatient } from "./context.ts";
import { SiteStaff } from "./context.ts";
import { bpdCare, imrCare, SiteMix } from "./generate-care.ts";
import { DBT_MODULES, FC_MODULES, type GroupKind, IMR_MODULES, runGroups } from "./generate-groups.ts";
import { bpdAssessments, imrAssessments, plans } from "./generate-measures.ts";
import { bpdPatients, imrPatients } from "./generate-patients.ts";
import { Rng } from "./prng.ts";
import type { BpdSite, ImrSite } from "./sites.ts";

/**
 * A unit of generation: one block of at most `BLOCK` patients of one site. Each unit draws from
 * its own stream (seed, programme, site, block), forms its groups from its own patients and
 * writes everything about them, so memory is bounded by the block and the data do not depend on
 * how batches are flushed.
 */
export const BLOCK = 400;

export interface Dates {
  cutoff: number;
  bpdEnrolEnd: number;
  imrEnrolEnd: number;
}

const EARLY = PARAMETER_DEFAULTS.earlyWindowDays;

export function bpdUnit(
  ctx: Context,
  site: BpdSite,
  staff: SiteStaff,
  mix: SiteMix,
  block: number,
  count: number,
  programmeId: number,
  dates: Dates,
): void {
  const rng = new Rng(ctx.seed, "BPD", site.site.code, block);
  const patients = bpdPatients(ctx, rng.fork("patients"), site, staff, count, programmeId, dates.bpdEnrolEnd);
  const measures = rng.fork("measures");
  for (const p of patients) {
    bpdAssessments(ctx, measures, site, staff, p);
    plans(ctx, measures, p, {
      plan: site.planP,
      signed: site.signedP,
      social: site.socialP,
      work: site.workP,
    });
  }
  const groups = rng.fork("groups");
  // a patient whose start is not intensive joins a group only after the first three months
  const fits = (p: DemoPatient, start: number, within: number) =>
    p.enrolDay <= start + within && p.careEnd >= start + 7 && (p.intensive || start >= p.enrolDay + EARLY);
  if (site.dbt) {
    const kind: GroupKind = {
      kind: "dbt_skills",
      label: "DBT",
      name: "DBT skills training",
      programmeId,
      modules: DBT_MODULES,
      durationMin: 120,
      maxSize: 12,
      type: "skills_training",
      recipient: "patient",
      joinWithin: 14,
      facilitatorProfiles: ["psychologist", "rehabilitation_therapist", "educator", "psychiatrist"],
    };
    runGroups(ctx, groups, patients, {
      staff,
      siteCode: site.site.code,
      kind,
      groups: Math.max(1, Math.round((count * site.dbtJoinP * 0.8) / 9)),
      from: site.startDay + 30,
      to: Math.max(site.startDay + 30, dates.bpdEnrolEnd + 20),
      eligible: (p, start) =>
        !p.inGroup && p.groupAffinity < site.dbtJoinP && fits(p, start, kind.joinWithin),
      join: (p) => {
        p.inGroup = true;
      },
    });
  }
  if (site.fc) {
    const kind: GroupKind = {
      kind: "family_connections",
      label: "FC",
      name: "Family Connections",
      programmeId,
      modules: FC_MODULES,
      durationMin: 120,
      maxSize: 12,
      type: "family_intervention",
      recipient: "family",
      joinWithin: 21,
      facilitatorProfiles: ["psychologist", "social_worker", "educator", "nurse"],
    };
    const families = patients.filter((p) => p.family).length;
    runGroups(ctx, groups, patients, {
      staff,
      siteCode: site.site.code,
      kind,
      groups: Math.max(1, Math.round((families * site.fcJoinP * 0.8) / 8)),
      from: site.startDay + 60,
      to: Math.max(site.startDay + 60, dates.bpdEnrolEnd + 30),
      eligible: (p, start) =>
        p.family && !p.inFc && p.familyAffinity < site.fcJoinP && fits(p, start, kind.joinWithin),
      join: (p) => {
        p.inFc = true;
      },
    });
  }
  const care = rng.fork("care");
  for (const p of patients) {
    bpdCare(care, site, mix, staff, p, ctx.careScale);
    ctx.emitInterventions(p);
  }
}

export function imrUnit(
  ctx: Context,
  site: ImrSite,
  staff: SiteStaff,
  block: number,
  count: number,
  programmeId: number,
  dates: Dates,
): void {
  const rng = new Rng(ctx.seed, "IMR", site.site.code, block);
  const patients = imrPatients(ctx, rng.fork("patients"), site, staff, count, programmeId, dates.imrEnrolEnd);
  const measures = rng.fork("measures");
  for (const p of patients) {
    imrAssessments(ctx, measures, p);
    plans(ctx, measures, p, { plan: 0.8, signed: 0.7, social: 0.35, work: 0.2 });
  }
  const kind: GroupKind = {
    kind: "imr",
    label: "IMR",
    name: "IMR group",
    programmeId,
    modules: IMR_MODULES,
    durationMin: 90,
    maxSize: 8,
    type: "imr_session",
    recipient: "patient",
    joinWithin: 21,
    facilitatorProfiles: ["rehabilitation_therapist", "educator", "nurse", "psychologist"],
  };
  runGroups(ctx, rng.fork("groups"), patients, {
    staff,
    siteCode: site.site.code,
    kind,
    groups: Math.max(1, Math.ceil((count * site.groupShare) / 7)),
    from: site.startDay + 21,
    to: Math.max(site.startDay + 21, dates.cutoff - 120),
    eligible: (p, start) =>
      !p.inGroup && p.groupAffinity < site.groupShare && p.enrolDay <= start + 21 && p.careEnd >= start + 7,
    join: (p) => {
      p.inGroup = true;
    },
  });
  const care = rng.fork("care");
  for (const p of patients) {
    imrCare(care, site, staff, p, ctx.careScale);
    ctx.emitInterventions(p);
  }
}

export { SiteMix, SiteStaff };
