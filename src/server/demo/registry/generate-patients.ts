import { dayOf, isoOf, yearOfDay } from "./calendar.ts";
import type { Context, DemoPatient, SiteStaff } from "./context.ts";
import { meanOneLognormal, normalInt, Weighted } from "./distributions.ts";
import type { Rng } from "./prng.ts";
import type { BpdSite, ImrSite } from "./sites.ts";

/**
 * Patients and their enrolment. BPD-LOM: young adults (77 % aged 17–24 and 18 % 25–30 in the
 * pilot), nine in ten women, most new to services, F60.3x for about eight in ten; IMR-LOM: adults
 * with psychosis or bipolar disorder, long known to services.
 */

const BPD_AGE = new Weighted<readonly [number, number]>([
  [[17, 17], 3],
  [[18, 20], 34],
  [[21, 24], 40],
  [[25, 30], 18],
  [[31, 35], 5],
]);

const BPD_PRIMARY = new Weighted<string | null>([
  ["F60.3", 36],
  ["F60.31", 36],
  ["F60.30", 8],
  ["F32.1", 3],
  ["F33.1", 2],
  ["F41.1", 2],
  ["F43.1", 2],
  ["F50.2", 2],
  ["F60.4", 2],
  ["F61", 2],
  ["F90.0", 1.5],
  ["F19.2", 1],
  ["F34.1", 1],
  [null, 1.5],
]);
const BPD_SECONDARY = new Weighted<string>([
  ["F50.2", 3],
  ["F32.1", 3],
  ["F19.1", 2],
  ["F10.1", 2],
  ["F41.1", 2],
  ["F90.0", 1],
  ["F43.1", 1],
]);
const IMR_PRIMARY = new Weighted<string>([
  ["F20.0", 35],
  ["F20.5", 8],
  ["F25.0", 12],
  ["F25.1", 6],
  ["F31.1", 10],
  ["F31.2", 8],
  ["F31.7", 8],
  ["F33.1", 4],
  ["F60.3", 3],
]);

interface EndDraw {
  end: number | null;
  reason: string | null;
}

/** How and when an enrolment ended (null when still in care at the cut-off). */
function drawEnd(
  rng: Rng,
  enrolDay: number,
  cutoff: number,
  dropoutP: number,
  completeAfter: [number, number],
): EndDraw {
  const r = rng.next();
  let day: number | null = null;
  let reason: string | null = null;
  if (r < dropoutP) {
    day = enrolDay + 14 + Math.floor(320 * rng.next() ** 1.6);
    reason = "dropped_out";
  } else if (r < dropoutP + 0.03) {
    day = enrolDay + rng.int(30, 330);
    reason = "transferred";
  } else if (r < dropoutP + 0.04) {
    day = enrolDay + rng.int(30, 330);
    reason = rng.chance(0.8) ? "moved" : "other";
  } else if (rng.chance(0.45)) {
    day = enrolDay + rng.int(completeAfter[0], completeAfter[1]);
    reason = "completed";
  }
  if (day === null || day > cutoff) return { end: null, reason: null };
  return { end: day, reason };
}

function firstContact(
  rng: Rng,
  enrolDay: number,
  birthYear: number,
  newP: number,
  missingP: number,
): number | null {
  if (rng.chance(missingP)) return null;
  const earliest = dayOf(`${birthYear + 12}-01-01`);
  const back = rng.chance(newP)
    ? Math.floor(365 * rng.next() ** 1.4)
    : rng.chance(0.65)
      ? rng.int(366, 3 * 365)
      : rng.int(3 * 365, 9 * 365);
  return Math.min(enrolDay, Math.max(earliest, enrolDay - back));
}

function sexOf(rng: Rng, femaleP: number): string {
  if (rng.chance(0.004)) return "U";
  if (rng.chance(femaleP)) return "F";
  return rng.chance(0.04) ? "X" : "M";
}

function enrolmentDay(rng: Rng, start: number, end: number): number {
  // a quarter come from the backlog in the first two months, the rest through the year
  if (rng.chance(0.25)) return start + rng.int(0, Math.min(60, end - start));
  return start + Math.floor(rng.next() * (end - start + 1));
}

function writePatient(
  ctx: Context,
  p: {
    id: number;
    birthYear: number;
    sex: string;
    area: string | null;
    firstContact: number | null;
    enrolDay: number;
  },
): void {
  ctx.batch.add("patients", [
    p.id,
    ctx.codes.patient.code(p.id),
    p.birthYear,
    p.sex,
    p.area,
    p.firstContact === null ? null : isoOf(p.firstContact),
    `${isoOf(p.enrolDay)} 09:00:00+00`,
  ]);
  ctx.counts.patients += 1;
}

function writeEnrolment(
  ctx: Context,
  e: {
    patientId: number;
    programmeId: number;
    siteId: number;
    enrolDay: number;
    end: EndDraw;
    primary: string | null;
    secondary: string | null;
    caseManager: { code: string; profile: string } | null;
    withProfile: boolean;
  },
): void {
  const id = ctx.id("enrolment");
  ctx.batch.add("enrolments", [
    id,
    ctx.codes.enrolment.code(id),
    e.patientId,
    e.programmeId,
    e.siteId,
    isoOf(e.enrolDay),
    e.end.end === null ? null : isoOf(e.end.end),
    e.end.reason,
    e.primary,
    e.secondary,
    e.caseManager?.code ?? null,
    e.caseManager && e.withProfile ? e.caseManager.profile : null,
  ]);
  ctx.counts.enrolments += 1;
}

/** A patient's care as it starts: their case manager, no events yet, in no group; their draws to join one. */
function careStart(
  rng: Rng,
  caseManager: DemoPatient["caseManager"],
): Pick<
  DemoPatient,
  "caseManager" | "clinicians" | "events" | "groupAffinity" | "familyAffinity" | "inGroup" | "inFc"
> {
  return {
    caseManager,
    clinicians: new Map(),
    events: [],
    groupAffinity: rng.next(),
    familyAffinity: rng.next(),
    inGroup: false,
    inFc: false,
  };
}

export function bpdPatients(
  ctx: Context,
  rng: Rng,
  site: BpdSite,
  staff: SiteStaff,
  count: number,
  programmeId: number,
  enrolEnd: number,
): DemoPatient[] {
  const out: DemoPatient[] = [];
  for (let k = 0; k < count; k++) {
    const id = ctx.id("patient");
    const enrolDay = enrolmentDay(rng, site.startDay, enrolEnd);
    const [lo, hi] = BPD_AGE.draw(rng);
    const birthYear = yearOfDay(enrolDay) - rng.int(lo, hi);
    const sex = sexOf(rng, site.femaleP);
    const area = rng.chance(0.93) ? site.site.areaCode : null;
    const contact = firstContact(rng, enrolDay, birthYear, site.newToServiceP, site.missingFirstContactP);
    writePatient(ctx, { id, birthYear, sex, area, firstContact: contact, enrolDay });

    const end = drawEnd(rng, enrolDay, ctx.cutoff, site.dropoutP, [300, 430]);
    const primary = BPD_PRIMARY.draw(rng);
    const isBpd = primary?.startsWith("F60.3") ?? false;
    const secondary = isBpd
      ? rng.chance(0.3)
        ? BPD_SECONDARY.draw(rng)
        : null
      : rng.chance(0.12)
        ? "F60.31"
        : rng.chance(0.2)
          ? BPD_SECONDARY.draw(rng)
          : null;
    const caseManager = rng.chance(site.caseManagerP) ? staff.pickAmong(rng, site.caseManagerProfiles) : null;
    writeEnrolment(ctx, {
      patientId: id,
      programmeId,
      siteId: site.site.id,
      enrolDay,
      end,
      primary,
      secondary,
      caseManager,
      withProfile: rng.chance(0.92),
    });
    const careEnd = end.end ?? ctx.cutoff;
    out.push({
      id,
      siteId: site.site.id,
      birthYear,
      enrolDay,
      careEnd,
      endReason: end.reason,
      // an intensive start needs room for it: someone who left within two weeks cannot have one
      intensive: careEnd - enrolDay >= 14 && rng.chance(site.intensiveP),
      family: rng.chance(site.familyP),
      intensity: meanOneLognormal(rng, 0.9),
      attendance: rng.uniform(0.45, 0.95),
      ...careStart(rng, caseManager),
    });
  }
  return out;
}

export function imrPatients(
  ctx: Context,
  rng: Rng,
  site: ImrSite,
  staff: SiteStaff,
  count: number,
  programmeId: number,
  enrolEnd: number,
): DemoPatient[] {
  const out: DemoPatient[] = [];
  for (let k = 0; k < count; k++) {
    const id = ctx.id("patient");
    const enrolDay = enrolmentDay(rng, site.startDay, enrolEnd);
    const birthYear = yearOfDay(enrolDay) - normalInt(rng, 39, 10, 19, 64);
    const sex = sexOf(rng, 0.45);
    const area = site.site.areaCode;
    const contact = rng.chance(0.05) ? null : enrolDay - rng.int(2 * 365, 15 * 365);
    writePatient(ctx, {
      id,
      birthYear,
      sex,
      area,
      firstContact: contact === null ? null : Math.max(contact, dayOf(`${birthYear + 14}-01-01`)),
      enrolDay,
    });
    const end = drawEnd(rng, enrolDay, ctx.cutoff, 0.1, [240, 300]);
    const caseManager = rng.chance(0.9)
      ? staff.pickAmong(rng, ["nurse", "rehabilitation_therapist", "educator"])
      : null;
    writeEnrolment(ctx, {
      patientId: id,
      programmeId,
      siteId: site.site.id,
      enrolDay,
      end,
      primary: IMR_PRIMARY.draw(rng),
      secondary: rng.chance(0.2) ? rng.pick(["F10.1", "F12.1", "F41.1", "F17.2"]) : null,
      caseManager,
      withProfile: true,
    });
    out.push({
      id,
      siteId: site.site.id,
      birthYear,
      enrolDay,
      careEnd: end.end ?? ctx.cutoff,
      endReason: end.reason,
      intensive: false,
      family: rng.chance(0.3),
      intensity: meanOneLognormal(rng, 0.35),
      attendance: rng.uniform(0.6, 0.95),
      ...careStart(rng, caseManager),
    });
  }
  return out;
}
