import { type Selectable, sql, type Transaction } from "kysely";
import type { z } from "zod";
import { PARAMETER_DEFAULTS } from "../../shared/programme-defaults.ts";
import { patientVisible } from "../core/access/patient-scope.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import type {
  DB,
  EnrolmentTable,
  GroupTable,
  InterventionTable,
  PatientTable,
  TreatmentPlanTable,
} from "../infra/db/schema.ts";
import { BASE_TAXONOMY } from "../practices/public.ts";
import type {
  EligibilityResult,
  Enrolment,
  Intervention,
  Patient,
  PlanState,
  TreatmentPlan,
} from "./schemas.ts";

/** Row → API mappers: the only place that knows both shapes. */
export const patientRowToPatient = (r: Selectable<PatientTable>): z.infer<typeof Patient> => ({
  id: r.id,
  code: r.code,
  birthYear: r.birth_year,
  sex: r.sex as z.infer<typeof Patient>["sex"],
  residenceArea: r.residence_area,
  firstContactDate: r.first_contact_date,
  registeredSiteId: r.registered_site_id,
});

/**
 * Enrolments (`e`) with their programme (`pr`) and site (`s`), and the codes that name them: the
 * base of every read that lists enrolments the way the user knows them.
 */
export const enrolmentsWithCodes = (db: Executor) =>
  db
    .selectFrom("enrolments as e")
    .innerJoin("programmes as pr", "pr.id", "e.programme_id")
    .innerJoin("sites as s", "s.id", "e.site_id")
    .select(["pr.code as programme_code", "s.code as site_code"]);

/**
 * A site's enrolments (`e`, with their patient `p`) open on a day — enrolled on or before it, not
 * ended before it — whose patient the user sees: the patient-scope predicate is evaluated row by
 * row on these (correlated), never over the whole patient table.
 */
export const openEnrolmentsSeen = (db: Executor, p: Principal, siteId: number, asOf: string) =>
  db
    .selectFrom("enrolments as e")
    .innerJoin("patients as p", "p.id", "e.patient_id")
    .where("e.site_id", "=", siteId)
    .where("e.enrolment_date", "<=", asOf)
    .where((eb) => eb.or([eb("e.end_date", "is", null), eb("e.end_date", ">=", asOf)]))
    .where((eb) => patientVisible(eb as unknown as Parameters<typeof patientVisible>[0], p));

type EnrolmentOut = z.infer<typeof Enrolment>;
export const enrolmentRowToEnrolment = (r: Selectable<EnrolmentTable>): EnrolmentOut => ({
  id: r.id,
  code: r.code,
  patientId: r.patient_id,
  programmeId: r.programme_id,
  siteId: r.site_id,
  enrolmentDate: r.enrolment_date,
  endDate: r.end_date,
  endReason: r.end_reason as EnrolmentOut["endReason"],
  primaryDiagnosis: r.primary_diagnosis,
  secondaryDiagnosis: r.secondary_diagnosis,
  caseManagerCode: r.case_manager_code,
  caseManagerProfile: r.case_manager_profile as EnrolmentOut["caseManagerProfile"],
  eligibility: (r.eligibility as z.infer<typeof EligibilityResult> | null) ?? null,
  overrideReason: r.eligibility_override_reason,
});

type InterventionOut = z.infer<typeof Intervention>;
export const interventionRowToIntervention = (r: Selectable<InterventionTable>): InterventionOut => ({
  id: Number(r.id),
  code: r.code,
  patientId: r.patient_id,
  siteId: r.site_id,
  date: r.date,
  type: r.type,
  setting: r.setting as InterventionOut["setting"],
  recipient: r.recipient as InterventionOut["recipient"],
  professionalCode: r.professional_code,
  professionalProfile: r.professional_profile as InterventionOut["professionalProfile"],
  durationMin: r.duration_min,
  module: r.module,
  groupId: r.group_id,
  groupSessionId: r.group_session_id,
});

export const planRowToPlan = (r: Selectable<TreatmentPlanTable>): z.infer<typeof TreatmentPlan> => ({
  id: r.id,
  code: r.code,
  patientId: r.patient_id,
  siteId: r.site_id,
  ...planRowToState(r),
  version: r.version,
});

/** The state of a plan that its history keeps, version by version. */
export const planRowToState = (r: Selectable<TreatmentPlanTable>): z.infer<typeof PlanState> => ({
  createdDate: r.created_date,
  sharedWithPatientDate: r.shared_with_patient_date,
  signedByPatient: r.signed_by_patient,
  sharedWithSocialServices: r.shared_with_social_services,
  sharedWithWorkInclusion: r.shared_with_work_inclusion,
  integratedActionsStarted: r.integrated_actions_started,
});

export type GroupRow = Selectable<GroupTable>;

// Practice definitions as the registry needs them

/** The parts of a practice definition the registry reads (the rest is the practices module's). */
export interface DefinitionParts {
  components?: Array<{ modules?: Array<{ code: string; name: string }> }>;
  interventionTypes?: Array<{ code: string; label: string; labels?: TypeLabels; psychosocial: boolean }>;
}

/** A practice type's label per language of the app (practices/schemas.ts). */
export type TypeLabels = { en?: string; it?: string };

export const BASE_PSYCHOSOCIAL: string[] = BASE_TAXONOMY.filter((t) => t.psychosocial).map((t) => t.code);

/**
 * Psychosocial types for a programme (INDICATORS.md): the base taxonomy's flags plus the
 * practice's own psychosocial types; a type unknown to the practice is not psychosocial.
 */
export function psychosocialTypes(definition: DefinitionParts | null | undefined): Set<string> {
  const set = new Set(BASE_PSYCHOSOCIAL);
  for (const t of definition?.interventionTypes ?? []) if (t.psychosocial) set.add(t.code);
  return set;
}

export interface Catalogue {
  types: Map<
    string,
    { label: string; labels: TypeLabels; psychosocial: boolean; practiceCode: string | null }
  >;
  modules: Map<string, { name: string; practiceCode: string }>;
}

/**
 * Every intervention type and module that may be recorded: the base taxonomy plus the types and
 * modules of every practice's current definition. One query (practices are few).
 */
export async function loadCatalogue(db: Executor): Promise<Catalogue> {
  const rows = await db
    .selectFrom("practices as p")
    .innerJoin("practice_versions as v", (j) =>
      j.onRef("v.practice_id", "=", "p.id").onRef("v.version", "=", "p.current_version"),
    )
    .select(["p.code", "v.definition"])
    .orderBy("p.code")
    .execute();
  const types: Catalogue["types"] = new Map(
    BASE_TAXONOMY.map((t) => [
      t.code,
      { label: t.code.replaceAll("_", " "), labels: {}, psychosocial: t.psychosocial, practiceCode: null },
    ]),
  );
  const modules: Catalogue["modules"] = new Map();
  for (const r of rows) {
    const def = r.definition as DefinitionParts;
    for (const t of def.interventionTypes ?? [])
      if (!types.has(t.code))
        types.set(t.code, {
          label: t.label,
          labels: t.labels ?? {},
          psychosocial: t.psychosocial,
          practiceCode: r.code,
        });
    for (const c of def.components ?? [])
      for (const m of c.modules ?? [])
        if (!modules.has(m.code)) modules.set(m.code, { name: m.name, practiceCode: r.code });
  }
  return { types, modules };
}

/** Field problems of a type and a module against the catalogue. */
export function catalogueIssues(
  catalogue: Catalogue,
  at: string,
  row: { type?: string; module?: string | null },
) {
  const issues: Array<{ field: string; rule: string; message: string }> = [];
  if (row.type !== undefined && !catalogue.types.has(row.type))
    issues.push({
      field: `${at}type`,
      rule: "taxonomy",
      message: `"${row.type}" is neither a type of the base taxonomy nor of any practice`,
    });
  if (row.module && !catalogue.modules.has(row.module))
    issues.push({
      field: `${at}module`,
      rule: "module",
      message: `"${row.module}" is not a module of any practice`,
    });
  return issues;
}

/** A programme with its parameters and the definition of the practice version it implements. */
export async function loadProgrammeRules(db: Executor, programmeId: number) {
  const row = await db
    .selectFrom("programmes as pr")
    .innerJoin("practice_versions as v", (j) =>
      j.onRef("v.practice_id", "=", "pr.practice_id").onRef("v.version", "=", "pr.practice_version"),
    )
    .select(["pr.id", "pr.code", "pr.parameters", "v.definition"])
    .where("pr.id", "=", programmeId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    code: row.code,
    parameters: programmeParameters(row.parameters),
    definition: row.definition as DefinitionParts,
  };
}

export interface RegistryParameters {
  ageBand: { min: number; max: number };
  targetDiagnoses: string[];
  newToServiceDays: number;
  intensiveThreshold: number;
  earlyWindowDays: number;
}

/** The parameters the registry uses, with INDICATORS.md's defaults for any not stored. */
export function programmeParameters(stored: unknown): RegistryParameters {
  const p = (stored ?? {}) as Partial<RegistryParameters>;
  return {
    ageBand: p.ageBand ?? { ...PARAMETER_DEFAULTS.ageBand },
    targetDiagnoses: p.targetDiagnoses ?? [...PARAMETER_DEFAULTS.targetDiagnoses],
    newToServiceDays: p.newToServiceDays ?? PARAMETER_DEFAULTS.newToServiceDays,
    intensiveThreshold: p.intensiveThreshold ?? PARAMETER_DEFAULTS.intensiveThreshold,
    earlyWindowDays: p.earlyWindowDays ?? PARAMETER_DEFAULTS.earlyWindowDays,
  };
}

/**
 * Run a read without PostgreSQL's JIT compiler. The registry's set-based reads are estimated
 * expensive on a large site (thousands of enrolments, a lateral count each) but run in a few
 * hundred milliseconds; compiling them first took seconds more. `set local` lasts only for this
 * transaction; PGlite has no JIT and takes the setting as is.
 */
export async function withoutJit<T>(db: Db, read: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return read(trx);
  });
}
