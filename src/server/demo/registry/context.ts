import { BASE_TAXONOMY } from "../../practices/schemas.ts";
import { isoOf } from "./calendar.ts";
import { codeMakers } from "./codes.ts";
import { Weighted } from "./distributions.ts";
import type { Rng } from "./prng.ts";
import type { Professional, SiteInfo } from "./structure.ts";
import { Batch } from "./tables.ts";

/** Practice-specific intervention types the demo uses (declared by the IMR practice in region.ts). */
export const PRACTICE_TYPES = [{ code: "imr_session", psychosocial: true }] as const;

const PSYCHOSOCIAL = new Set<string>(
  [...BASE_TAXONOMY, ...PRACTICE_TYPES].filter((t) => t.psychosocial).map((t) => t.code),
);
export const isPsychosocial = (type: string) => PSYCHOSOCIAL.has(type);

/** One care contact of a patient before it becomes an `interventions` row. */
export interface CareEvent {
  day: number;
  type: string;
  setting: "individual" | "group";
  recipient: "patient" | "family" | "patient_and_family";
  professional: Professional | null;
  /** when false the row carries the professional's code but not the profile */
  withProfile: boolean;
  duration: number | null;
  groupId: number | null;
  sessionId: number | null;
  module: string | null;
}

/** A generated patient and their enrolment, with the latent traits that shape their care. */
export interface DemoPatient {
  id: number;
  siteId: number;
  birthYear: number;
  enrolDay: number;
  /** last day of the care period: end date, or the data cut-off */
  careEnd: number;
  /** end reason of the enrolment, null while in care */
  endReason: string | null;
  intensive: boolean;
  family: boolean;
  /** multiplies the patient's rate of contacts */
  intensity: number;
  /** chance of attending a group session once a member */
  attendance: number;
  caseManager: Professional | null;
  clinicians: Map<string, Professional>;
  events: CareEvent[];
  /** uniform draws deciding whether the patient (or the family) would join a group */
  groupAffinity: number;
  familyAffinity: number;
  inGroup: boolean;
  inFc: boolean;
}

/** Which profiles deliver which intervention type, most likely first. */
const PROFILES_FOR: Record<string, ReadonlyArray<readonly [string, number]>> = {
  assessment: [
    ["psychologist", 3],
    ["psychiatrist", 2],
  ],
  psychoeducation: [
    ["nurse", 2],
    ["rehabilitation_therapist", 2],
    ["educator", 2],
    ["psychologist", 1],
  ],
  skills_training: [
    ["rehabilitation_therapist", 3],
    ["educator", 2],
    ["psychologist", 1],
  ],
  psychotherapy: [
    ["psychologist", 4],
    ["psychiatrist", 1],
  ],
  family_intervention: [
    ["psychologist", 3],
    ["social_worker", 1],
    ["rehabilitation_therapist", 1],
  ],
  job_placement: [
    ["rehabilitation_therapist", 2],
    ["educator", 2],
    ["social_worker", 1],
  ],
  social_support: [
    ["social_worker", 3],
    ["educator", 1],
    ["rehabilitation_therapist", 1],
  ],
  psychiatric_visit: [["psychiatrist", 1]],
  nursing: [["nurse", 1]],
  crisis_intervention: [
    ["psychiatrist", 2],
    ["nurse", 1],
  ],
  imr_session: [
    ["rehabilitation_therapist", 3],
    ["educator", 2],
    ["nurse", 2],
    ["psychologist", 1],
  ],
  other: [
    ["nurse", 1],
    ["educator", 1],
    ["psychologist", 1],
  ],
};
const PROFILE_PICKERS = new Map(
  Object.entries(PROFILES_FOR).map(([type, list]) => [type, new Weighted(list)]),
);

/** Usual length of a contact, by type: mean, spread, bounds (minutes). */
const DURATION: Record<string, readonly [number, number, number, number]> = {
  assessment: [75, 20, 30, 150],
  psychoeducation: [50, 10, 20, 90],
  skills_training: [50, 10, 20, 90],
  psychotherapy: [50, 8, 30, 90],
  family_intervention: [60, 15, 30, 120],
  job_placement: [45, 15, 15, 120],
  social_support: [40, 15, 10, 120],
  psychiatric_visit: [30, 10, 10, 60],
  nursing: [20, 8, 5, 60],
  crisis_intervention: [60, 30, 15, 240],
  case_coordination: [20, 10, 5, 60],
  imr_session: [50, 10, 30, 90],
  other: [30, 15, 5, 120],
};

/** A site's professionals by profile, team members listed first (and picked more often). */
export class SiteStaff {
  private readonly byProfile = new Map<string, Professional[]>();
  readonly team: Professional[];

  constructor(readonly site: SiteInfo) {
    for (const p of site.professionals) {
      const list = this.byProfile.get(p.profile) ?? [];
      list.push(p);
      this.byProfile.set(p.profile, list);
    }
    this.team = site.professionals.filter((p) => p.inTeam);
    if (this.team.length === 0) this.team = site.professionals;
  }

  /** A professional of `profile` (a team member four times in five), or of the team. */
  pick(rng: Rng, profile: string): Professional | null {
    const all = this.byProfile.get(profile);
    if (!all || all.length === 0) return this.team.length ? rng.pick(this.team) : null;
    const team = all.filter((p) => p.inTeam);
    return team.length > 0 && rng.chance(0.8) ? rng.pick(team) : rng.pick(all);
  }

  pickAmong(rng: Rng, profiles: string[]): Professional | null {
    const fit = this.team.filter((p) => profiles.includes(p.profile));
    return fit.length > 0 ? rng.pick(fit) : this.team.length ? rng.pick(this.team) : null;
  }

  /** The patient's own clinician for the type (the same psychologist every time, …). */
  clinicianFor(rng: Rng, patient: DemoPatient, type: string): Professional | null {
    if (type === "case_coordination") {
      if (patient.caseManager) return patient.caseManager;
      return this.clinicianFor(rng, patient, "psychotherapy");
    }
    const picker = PROFILE_PICKERS.get(type) ?? PROFILE_PICKERS.get("other")!;
    const profile = picker.draw(rng);
    let who = patient.clinicians.get(profile);
    if (!who) {
      who = this.pick(rng, profile) ?? undefined;
      if (who) patient.clinicians.set(profile, who);
    }
    return who ?? null;
  }
}

/** A duration for a contact of `type` (a few left empty, as in real extracts). */
export function durationOf(rng: Rng, type: string): number | null {
  if (rng.chance(0.04)) return null;
  const [mean, sd, min, max] = DURATION[type] ?? DURATION.other!;
  const u = 1 - rng.next();
  const v = rng.next();
  const x = mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.min(max, Math.max(min, Math.round(x / 5) * 5));
}

/** Ids, codes and the rows of the current batch, shared by every generator. */
export class Context {
  readonly codes: ReturnType<typeof codeMakers>;
  batch = new Batch();
  readonly next = { patient: 1, enrolment: 1, group: 1, session: 1, intervention: 1, assessment: 1, plan: 1 };
  /** groups made so far per site and kind, for readable group codes */
  readonly groupNumbers = new Map<string, number>();
  readonly counts = {
    patients: 0,
    enrolments: 0,
    groups: 0,
    groupSessions: 0,
    groupMembers: 0,
    interventions: 0,
    assessments: 0,
    plans: 0,
  };

  constructor(
    readonly seed: number,
    /** the last day with data (the monitoring cut-off) */
    readonly cutoff: number,
    /** multiplies the rate of routine care contacts (see `bpdCare`) */
    readonly careScale = 1,
  ) {
    this.codes = codeMakers(seed);
  }

  id(kind: keyof Context["next"]): number {
    const v = this.next[kind];
    this.next[kind] = v + 1;
    return v;
  }

  /** Emit a patient's care events as interventions, in date order. */
  emitInterventions(patient: DemoPatient): void {
    const events = patient.events;
    events.sort(
      (a, b) =>
        a.day - b.day ||
        (a.sessionId ?? 0) - (b.sessionId ?? 0) ||
        (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
    );
    for (const e of events) {
      const id = this.id("intervention");
      this.batch.add("interventions", [
        id,
        this.codes.intervention.code(id),
        patient.id,
        patient.siteId,
        isoOf(e.day),
        e.type,
        e.setting,
        e.recipient,
        e.professional?.code ?? null,
        e.professional && e.withProfile ? e.professional.profile : null,
        e.duration,
        e.groupId,
        e.sessionId,
        e.module,
      ]);
    }
    this.counts.interventions += events.length;
    patient.events = [];
  }
}
