import type { Db } from "../../src/server/infra/db/database.ts";
import { PARAMETER_DEFAULTS } from "../../src/shared/programme-defaults.ts";

/**
 * A registry built by direct inserts, for hand-computed indicator fixtures. Codes are the
 * handles: `site("A")`, `patient("p1", …)`, `enrol("p1", "A", "2024-01-01")`. Defaults are
 * neutral (sex U, born 1990, no diagnosis, no first contact) so a test states only what matters.
 */
export interface PatientOpts {
  birthYear?: number;
  sex?: "F" | "M" | "X" | "U";
  firstContact?: string | null;
}
export interface EnrolOpts {
  programme?: string;
  end?: string;
  reason?: "completed" | "dropped_out" | "transferred" | "moved" | "died" | "other";
  diagnosis?: string;
  caseManager?: string;
  code?: string;
}
export interface InterventionOpts {
  site?: string;
  recipient?: "patient" | "family" | "patient_and_family";
  setting?: "individual" | "group";
  code?: string;
}
export interface PlanOpts {
  site?: string;
  code?: string;
  signed?: boolean;
  social?: boolean;
  work?: boolean;
  integrated?: boolean;
}

/** A programme's parameters unless a fixture says otherwise: the defaults of INDICATORS.md. */
export const PARAMS = PARAMETER_DEFAULTS;

export class Registry {
  private region = 0;
  readonly areas = new Map<string, number>();
  readonly sites = new Map<string, number>();
  readonly practices = new Map<string, number>();
  readonly programmes = new Map<string, number>();
  readonly patients = new Map<string, number>();
  readonly groups = new Map<string, number>();
  private seq = 0;

  /** `prefix` keeps generated codes apart when several registries share one database. */
  constructor(
    readonly db: Db,
    readonly prefix = "",
  ) {}

  private next(kind: string) {
    this.seq += 1;
    return `${this.prefix}${kind}${String(this.seq).padStart(6, "0")}`;
  }

  private async regionId() {
    if (!this.region) {
      const r = await this.db
        .insertInto("regions")
        .values({ code: this.next("R"), name: "Region" })
        .returning("id")
        .executeTakeFirstOrThrow();
      this.region = r.id;
    }
    return this.region;
  }

  async area(code: string) {
    const r = await this.db
      .insertInto("areas")
      .values({ region_id: await this.regionId(), code, name: code })
      .returning("id")
      .executeTakeFirstOrThrow();
    this.areas.set(code, r.id);
    return r.id;
  }

  async site(code: string, area?: string) {
    const r = await this.db
      .insertInto("sites")
      .values({
        region_id: await this.regionId(),
        area_id: area ? this.areas.get(area)! : null,
        code,
        name: `Site ${code}`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    this.sites.set(code, r.id);
    return r.id;
  }

  async practice(code: string, types: Array<{ code: string; psychosocial: boolean }> = []) {
    const r = await this.db
      .insertInto("practices")
      .values({ code, name: code })
      .returning("id")
      .executeTakeFirstOrThrow();
    await this.db
      .insertInto("practice_versions")
      .values({
        practice_id: r.id,
        version: 1,
        definition: JSON.stringify({
          description: "",
          components: [],
          interventionTypes: types.map((t) => ({ ...t, label: t.code })),
        }),
      })
      .execute();
    this.practices.set(code, r.id);
    return r.id;
  }

  async programme(
    code: string,
    opts: {
      practice?: string;
      parameters?: Partial<typeof PARAMS>;
      sites?: Array<string | [string, number | null]>;
    } = {},
  ) {
    const practice = opts.practice ?? code;
    if (!this.practices.has(practice)) await this.practice(practice);
    const r = await this.db
      .insertInto("programmes")
      .values({
        code,
        name: code,
        practice_id: this.practices.get(practice)!,
        practice_version: 1,
        region_id: await this.regionId(),
        parameters: JSON.stringify({ ...PARAMS, ...opts.parameters }),
        updated_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    this.programmes.set(code, r.id);
    for (const s of opts.sites ?? []) {
      const [site, target] = typeof s === "string" ? [s, null] : s;
      await this.db
        .insertInto("programme_sites")
        .values({ programme_id: r.id, site_id: this.sites.get(site)!, target_enrolment: target })
        .execute();
    }
    return r.id;
  }

  async patient(code: string, opts: PatientOpts = {}) {
    const r = await this.db
      .insertInto("patients")
      .values({
        code,
        birth_year: opts.birthYear ?? 1990,
        sex: opts.sex ?? "U",
        first_contact_date: opts.firstContact ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    this.patients.set(code, r.id);
    return r.id;
  }

  /** Enrol a patient (created with defaults if unknown) in a programme (default: the first one). */
  async enrol(patient: string, site: string, date: string, opts: EnrolOpts = {}) {
    if (!this.patients.has(patient)) await this.patient(patient);
    const programme = opts.programme ?? [...this.programmes.keys()][0]!;
    await this.db
      .insertInto("enrolments")
      .values({
        code: opts.code ?? this.next("E"),
        patient_id: this.patients.get(patient)!,
        programme_id: this.programmes.get(programme)!,
        site_id: this.sites.get(site)!,
        enrolment_date: date,
        end_date: opts.end ?? null,
        end_reason: opts.end ? (opts.reason ?? "completed") : null,
        primary_diagnosis: opts.diagnosis ?? null,
        case_manager_code: opts.caseManager ?? null,
      })
      .execute();
  }

  /** Interventions of one type for a patient on each of `dates`. */
  async interventions(patient: string, type: string, dates: string[], opts: InterventionOpts = {}) {
    if (dates.length === 0) return;
    const site = opts.site ?? [...this.sites.keys()][0]!;
    await this.db
      .insertInto("interventions")
      .values(
        dates.map((date) => ({
          code: opts.code ?? this.next("I"),
          patient_id: this.patients.get(patient)!,
          site_id: this.sites.get(site)!,
          date,
          type,
          setting: opts.setting ?? "individual",
          recipient: opts.recipient ?? "patient",
        })),
      )
      .execute();
  }

  async assessment(patient: string, date: string, instrument = "PHQ-9") {
    await this.db
      .insertInto("assessments")
      .values({
        code: this.next("A"),
        patient_id: this.patients.get(patient)!,
        date,
        instrument,
        respondent: "patient",
      })
      .execute();
  }

  async plan(patient: string, created: string, opts: PlanOpts = {}) {
    await this.db
      .insertInto("treatment_plans")
      .values({
        code: opts.code ?? this.next("P"),
        patient_id: this.patients.get(patient)!,
        site_id: this.sites.get(opts.site ?? [...this.sites.keys()][0]!)!,
        created_date: created,
        signed_by_patient: opts.signed ?? false,
        shared_with_social_services: opts.social ?? false,
        shared_with_work_inclusion: opts.work ?? false,
        integrated_actions_started: opts.integrated ?? false,
      })
      .execute();
  }

  async group(
    code: string,
    site: string,
    kind: string,
    start: string,
    opts: { programme?: string; end?: string } = {},
  ) {
    const r = await this.db
      .insertInto("groups")
      .values({
        code,
        site_id: this.sites.get(site)!,
        programme_id: opts.programme ? this.programmes.get(opts.programme)! : null,
        kind,
        start_date: start,
        end_date: opts.end ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    this.groups.set(code, r.id);
  }

  async professional(code: string, site: string, opts: { team?: boolean; trained?: boolean } = {}) {
    await this.db
      .insertInto("professionals")
      .values({
        code,
        site_id: this.sites.get(site)!,
        profile: "nurse",
        in_implementation_team: opts.team ?? false,
        team_coordinator: false,
        trained: opts.trained ?? false,
      })
      .execute();
  }
}

/** `date` plus `days` (civil dates, no time zone). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `count` consecutive dates starting at `from`. */
export function days(from: string, count: number, step = 1): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i * step));
}
