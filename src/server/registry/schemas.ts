import { z } from "zod";
import { GROUP_KINDS, IMR_MAX_SIZE, RECIPIENTS, SETTINGS, SEXES } from "../../shared/vocabulary.ts";
import { today, yearOf } from "../infra/time/civil-date.ts";
import { CivilDate as AnyCivilDate, Name as AnyName, Code, Id, Profile } from "../shared/schemas.ts";

export { GROUP_KINDS, IMR_MAX_SIZE, RECIPIENTS, SETTINGS, SEXES };

/**
 * The care-delivery registry's request and response shapes. Request bodies are strict: an unknown
 * field (a `name`, an address…) is refused, so nothing identifying can slip into the registry.
 */

export const END_REASONS = ["completed", "dropped_out", "transferred", "moved", "died", "other"] as const;

/** The most rows one batch of interventions may hold (a busy day at a large site). */
export const BATCH_MAX = 500;

export const Diagnosis = z
  .string()
  .regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/, "an ICD-10 code such as F60.3 (upper case, with the dot)");

export const BirthYear = z
  .number()
  .int("a whole year")
  .min(1900, "1900 or later")
  .refine((y) => y <= yearOf(today()), {
    message: "not after the current year",
    params: { rule: "future" },
  });

/** A care date: a calendar date from 1900 on (PostgreSQL has no year 0, and care predates no one). */
const CivilDate = AnyCivilDate.refine((d) => !/^\d{4}-/.test(d) || d >= "1900-01-01", "1900-01-01 or later");

/** Free text never carries control characters (PostgreSQL refuses NUL; the rest is noise). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const Name = AnyName.refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "no control characters");
const Reason = z
  .string()
  .trim()
  .min(1, "required")
  .max(1000, "at most 1000 characters")
  .refine((s) => !CONTROL.test(s), "no control characters");
const Duration = z.number().int("whole minutes").min(1, "at least 1 minute").max(600, "at most 600 minutes");
const optionalNullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

// Patients

export const Patient = z.object({
  id: z.number().int(),
  code: z.string(),
  birthYear: z.number().int(),
  sex: z.enum(SEXES),
  residenceArea: z.string().nullable(),
  firstContactDate: z.string().nullable(),
  registeredSiteId: z.number().int().nullable(),
});
export type Patient = z.infer<typeof Patient>;

export const PatientBody = z.strictObject({
  /** A pseudonym; generated (e.g. `P-7K3M9Q2X`) when absent. Never a name. */
  code: Code.optional(),
  birthYear: BirthYear,
  sex: z.enum(SEXES),
  residenceArea: optionalNullable(Code),
  firstContactDate: optionalNullable(CivilDate),
  /** The registering site: the patient is visible there from now on. */
  siteId: Id,
});
export type PatientBody = z.infer<typeof PatientBody>;
export type PatientBodyInput = z.input<typeof PatientBody>;

export const PatientPatch = z
  .strictObject({
    birthYear: BirthYear.optional(),
    sex: z.enum(SEXES).optional(),
    residenceArea: optionalNullable(Code),
    firstContactDate: optionalNullable(CivilDate),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), {
    message: "send at least one field to change",
  });

export const PatientQuery = z.strictObject({
  siteId: Id.optional(),
  programmeId: Id.optional(),
  /** A prefix of the patient code (case-sensitive, as codes are). */
  q: z
    .string()
    .trim()
    .max(64)
    .refine((s) => !CONTROL.test(s), "no control characters")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PatientPatch = z.infer<typeof PatientPatch>;

export const PatientPage = z.object({ items: z.array(Patient), total: z.number().int() });
export type PatientPage = z.infer<typeof PatientPage>;

export const EnrolmentSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  programmeId: z.number().int(),
  programmeCode: z.string(),
  siteId: z.number().int(),
  siteCode: z.string(),
  enrolmentDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
});

export const PatientDetail = Patient.extend({ enrolments: z.array(EnrolmentSummary) });
export type PatientDetail = z.infer<typeof PatientDetail>;

// Enrolments

export const EligibilityCheck = z.object({
  rule: z.enum(["age_band", "target_diagnosis", "new_to_service"]),
  ok: z.boolean().nullable(),
  detail: z.string(),
});
export type EligibilityCheck = z.infer<typeof EligibilityCheck>;
export const EligibilityResult = z.object({ eligible: z.boolean(), checks: z.array(EligibilityCheck) });
export type EligibilityResult = z.infer<typeof EligibilityResult>;

export const Enrolment = z.object({
  id: z.number().int(),
  code: z.string(),
  patientId: z.number().int(),
  programmeId: z.number().int(),
  siteId: z.number().int(),
  enrolmentDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  primaryDiagnosis: z.string().nullable(),
  secondaryDiagnosis: z.string().nullable(),
  caseManagerCode: z.string().nullable(),
  caseManagerProfile: Profile.nullable(),
  eligibility: EligibilityResult.nullable(),
  overrideReason: z.string().nullable(),
});
export type Enrolment = z.infer<typeof Enrolment>;

const caseManagerRule = <T extends { caseManagerCode?: string | null; caseManagerProfile?: string | null }>(
  o: T,
) => !o.caseManagerProfile || !!o.caseManagerCode;

export const EnrolmentBody = z
  .strictObject({
    patientId: Id,
    programmeId: Id,
    siteId: Id,
    enrolmentDate: CivilDate,
    primaryDiagnosis: optionalNullable(Diagnosis),
    secondaryDiagnosis: optionalNullable(Diagnosis),
    caseManagerCode: optionalNullable(Code),
    caseManagerProfile: optionalNullable(Profile),
    /** Why the patient is enrolled although the eligibility check failed. */
    overrideReason: Reason.optional(),
  })
  .refine(caseManagerRule, {
    message: "a case manager profile needs a case manager code",
    path: ["caseManagerProfile"],
  });
export type EnrolmentBodyInput = z.input<typeof EnrolmentBody>;
export type EnrolmentBody = z.infer<typeof EnrolmentBody>;

/** Check eligibility without enrolling: what the enrolment form shows before saving. */
export const EligibilityQuery = z.strictObject({
  patientId: Id,
  programmeId: Id,
  enrolmentDate: CivilDate,
  primaryDiagnosis: optionalNullable(Diagnosis),
});
export type EligibilityQuery = z.infer<typeof EligibilityQuery>;

/** End date and end reason travel together; the other fields change one by one. */
export const EnrolmentPatch = z
  .strictObject({
    endDate: optionalNullable(CivilDate),
    endReason: optionalNullable(z.enum(END_REASONS)),
    primaryDiagnosis: optionalNullable(Diagnosis),
    secondaryDiagnosis: optionalNullable(Diagnosis),
    caseManagerCode: optionalNullable(Code),
    caseManagerProfile: optionalNullable(Profile),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), {
    message: "send at least one field to change",
  });
export type EnrolmentPatchInput = z.input<typeof EnrolmentPatch>;
export type EnrolmentPatch = z.infer<typeof EnrolmentPatch>;

// Interventions

export const Intervention = z.object({
  id: z.number().int(),
  code: z.string(),
  patientId: z.number().int(),
  siteId: z.number().int(),
  date: z.string(),
  type: z.string(),
  setting: z.enum(SETTINGS),
  recipient: z.enum(RECIPIENTS),
  professionalCode: z.string().nullable(),
  professionalProfile: Profile.nullable(),
  durationMin: z.number().int().nullable(),
  module: z.string().nullable(),
  groupId: z.number().int().nullable(),
  groupSessionId: z.number().int().nullable(),
});
export type Intervention = z.infer<typeof Intervention>;

export const InterventionBody = z.strictObject({
  patientId: Id,
  siteId: Id,
  date: CivilDate,
  /** A type of the base taxonomy or of a practice's current definition. */
  type: Code,
  setting: z.enum(SETTINGS).default("individual"),
  recipient: z.enum(RECIPIENTS).default("patient"),
  professionalCode: optionalNullable(Code),
  professionalProfile: optionalNullable(Profile),
  durationMin: optionalNullable(Duration),
  /** A module of a practice, e.g. `IMR-3`. */
  module: optionalNullable(Code),
});
export type InterventionBodyInput = z.input<typeof InterventionBody>;

export const InterventionBatch = z.strictObject({
  rows: z.array(InterventionBody).min(1, "at least one row").max(BATCH_MAX, `at most ${BATCH_MAX} rows`),
});
export const InterventionList = z.object({ items: z.array(Intervention) });
export type InterventionList = z.infer<typeof InterventionList>;

export const DefaultsQuery = z.strictObject({ siteId: Id });
export const CatalogueType = z.object({
  code: z.string(),
  label: z.string(),
  /** The label per language of the app, where the practice gives one (else `label`). */
  labels: z.object({ en: z.string().optional(), it: z.string().optional() }),
  psychosocial: z.boolean(),
  /** The practice that adds this type; null for the base taxonomy. */
  practiceCode: z.string().nullable(),
});
export type CatalogueType = z.infer<typeof CatalogueType>;
export const InterventionDefaults = z.object({
  date: z.string(),
  type: z.string().nullable(),
  setting: z.enum(SETTINGS),
  recipient: z.enum(RECIPIENTS),
  professionalCode: z.string().nullable(),
  professionalProfile: Profile.nullable(),
  durationMin: z.number().int().nullable(),
  /** What the form may offer: the base taxonomy and every practice's own types, and modules. */
  types: z.array(CatalogueType),
  modules: z.array(z.object({ code: z.string(), name: z.string(), practiceCode: z.string() })),
});
export type InterventionDefaults = z.infer<typeof InterventionDefaults>;

// Groups

export const GroupBody = z.strictObject({
  siteId: Id,
  programmeId: optionalNullable(Id),
  kind: z.enum(GROUP_KINDS),
  name: Name,
  startDate: CivilDate,
  endDate: optionalNullable(CivilDate),
  /** Defaults to 8 for IMR groups (which may not exceed it); no limit otherwise. */
  maxSize: optionalNullable(z.number().int().min(1, "at least 1").max(1000)),
  /** Professional codes of the facilitators. */
  facilitators: z.array(Code).max(20).default([]),
});
export type GroupBody = z.infer<typeof GroupBody>;
export type GroupBodyInput = z.input<typeof GroupBody>;

export const GroupPatch = z
  .strictObject({
    programmeId: optionalNullable(Id),
    name: Name.optional(),
    startDate: CivilDate.optional(),
    endDate: optionalNullable(CivilDate),
    maxSize: optionalNullable(z.number().int().min(1, "at least 1").max(1000)),
    facilitators: z.array(Code).max(20).optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), {
    message: "send at least one field to change",
  });

export const GroupQuery = z.strictObject({ siteId: Id });
export type GroupPatch = z.infer<typeof GroupPatch>;

export const Group = z.object({
  id: z.number().int(),
  code: z.string(),
  siteId: z.number().int(),
  programmeId: z.number().int().nullable(),
  kind: z.enum(GROUP_KINDS),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  maxSize: z.number().int().nullable(),
  facilitators: z.array(z.string()),
  memberCount: z.number().int(),
  sessionCount: z.number().int(),
});
export type Group = z.infer<typeof Group>;

export const GroupMember = z.object({
  patientId: z.number().int(),
  patientCode: z.string(),
  joinedDate: z.string(),
  leftDate: z.string().nullable(),
});
export const GroupSession = z.object({
  id: z.number().int(),
  date: z.string(),
  module: z.string().nullable(),
  durationMin: z.number().int().nullable(),
  professionalCode: z.string().nullable(),
  attendance: z.number().int(),
});
export const GroupDetail = Group.extend({
  members: z.array(GroupMember),
  sessions: z.array(GroupSession),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

export const GroupMembersBody = z.strictObject({
  members: z
    .array(
      z.strictObject({
        patientId: Id,
        joinedDate: CivilDate,
        leftDate: optionalNullable(CivilDate),
        /**
         * Why a patient joins this DBT skills group while already in another running one: without
         * it the server refuses them (rule `other_dbt_group`). Kept in the audit log.
         */
        secondGroupReason: Reason.nullable().optional(),
      }),
    )
    .max(1000),
});
export type GroupMembersBody = z.infer<typeof GroupMembersBody>;
export type GroupMembersBodyInput = z.input<typeof GroupMembersBody>;

export const GroupSessionBody = z.strictObject({
  date: CivilDate,
  module: optionalNullable(Code),
  durationMin: optionalNullable(Duration),
  professionalCode: optionalNullable(Code),
  /** Patient ids of the members who attended. */
  attendees: z.array(Id).min(1, "at least one attendee").max(1000),
});
export type GroupSessionBody = z.infer<typeof GroupSessionBody>;
export type GroupSessionBodyInput = z.input<typeof GroupSessionBody>;
export const GroupSessionCreated = GroupSession.extend({
  groupId: z.number().int(),
  interventions: z.array(Intervention),
});
export type GroupSessionCreated = z.infer<typeof GroupSessionCreated>;

// Treatment plans

/** The steps a plan records as taken, each yes or no. */
const planSteps = () => ({
  signedByPatient: z.boolean(),
  sharedWithSocialServices: z.boolean(),
  sharedWithWorkInclusion: z.boolean(),
  integratedActionsStarted: z.boolean(),
});

/** What a plan states, and its history keeps version by version. */
const planStateFields = () => ({
  createdDate: z.string(),
  sharedWithPatientDate: z.string().nullable(),
  ...planSteps(),
});

export const TreatmentPlan = z.object({
  id: z.number().int(),
  code: z.string(),
  patientId: z.number().int(),
  siteId: z.number().int(),
  ...planStateFields(),
  /** Optimistic-locking version: send it back as `baseVersion` when changing the plan. */
  version: z.number().int(),
});
export type TreatmentPlan = z.infer<typeof TreatmentPlan>;

export const PlanBody = z.strictObject({
  patientId: Id,
  siteId: Id,
  createdDate: CivilDate,
  sharedWithPatientDate: optionalNullable(CivilDate),
  ...planSteps(),
});
export type PlanBody = z.infer<typeof PlanBody>;
export type PlanBodyInput = z.input<typeof PlanBody>;

export const PlanPatch = z
  .strictObject({
    baseVersion: z.number().int().positive(),
    createdDate: CivilDate.optional(),
    sharedWithPatientDate: optionalNullable(CivilDate),
    signedByPatient: z.boolean().optional(),
    sharedWithSocialServices: z.boolean().optional(),
    sharedWithWorkInclusion: z.boolean().optional(),
    integratedActionsStarted: z.boolean().optional(),
  })
  .refine(({ baseVersion: _b, ...rest }) => Object.values(rest).some((v) => v !== undefined), {
    message: "send at least one field to change besides baseVersion",
  });
export type PlanPatchInput = z.input<typeof PlanPatch>;
export type PlanPatch = z.infer<typeof PlanPatch>;

export const PlanState = z.object(planStateFields());
export type PlanState = z.infer<typeof PlanState>;
export const PlanHistory = z.object({
  planId: z.number().int(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      changedAt: z.string(),
      changedBy: z.string(),
      state: PlanState,
    }),
  ),
});
export type PlanHistory = z.infer<typeof PlanHistory>;

// Patient page

export const EarlyWindow = z.object({
  /** Day 0 of care. */
  start: z.string(),
  /** The last day of the early window: day earlyWindowDays−1, or the end date if care ended sooner. */
  end: z.string(),
  /** The last day counted so far: `end`, or today while the window is still open. */
  countedUntil: z.string().nullable(),
  closed: z.boolean(),
  /** Days from today to `end` (0 once closed). */
  daysLeft: z.number().int(),
  psychosocial: z.number().int(),
  threshold: z.number().int(),
  intensive: z.boolean(),
  total: z.number().int(),
  byType: z.record(z.string(), z.number().int()),
  familyReached: z.boolean(),
});
export const EnrolmentPlans = z.object({
  count: z.number().int(),
  latestPlanId: z.number().int().nullable(),
  latestSigned: z.boolean().nullable(),
});
export const TimelineEnrolment = Enrolment.extend({
  programmeCode: z.string(),
  programmeName: z.string(),
  siteCode: z.string(),
  carePeriodEnd: z.string(),
  early: EarlyWindow,
  plans: EnrolmentPlans,
});
export type TimelineEnrolment = z.infer<typeof TimelineEnrolment>;

const EventBase = { date: z.string() };
export const TimelineEvent = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("enrolment"),
    ...EventBase,
    enrolmentId: z.number().int(),
    programmeCode: z.string(),
    siteId: z.number().int(),
  }),
  z.object({
    kind: z.literal("enrolment_end"),
    ...EventBase,
    enrolmentId: z.number().int(),
    programmeCode: z.string(),
    endReason: z.enum(END_REASONS),
  }),
  z.object({
    kind: z.literal("intervention"),
    ...EventBase,
    intervention: Intervention,
    psychosocial: z.boolean(),
  }),
  z.object({
    kind: z.literal("group_session"),
    ...EventBase,
    intervention: Intervention,
    psychosocial: z.boolean(),
    group: z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.enum(GROUP_KINDS) }),
  }),
  z.object({
    kind: z.literal("assessment"),
    ...EventBase,
    assessmentId: z.number().int(),
    instrument: z.string(),
    respondent: z.string(),
    timepoint: z.string().nullable(),
    totalScore: z.number().nullable(),
  }),
  z.object({
    kind: z.literal("plan_version"),
    ...EventBase,
    planId: z.number().int(),
    planCode: z.string(),
    version: z.number().int(),
    changedBy: z.string().nullable(),
    state: PlanState,
  }),
]);
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const Timeline = z.object({
  asOf: z.string(),
  patient: Patient,
  enrolments: z.array(TimelineEnrolment),
  plans: z.array(TreatmentPlan),
  events: z.array(TimelineEvent),
});
export type Timeline = z.infer<typeof Timeline>;

// Worklists

export const WorklistQuery = z.strictObject({ programmeId: Id.optional() });
export const WorklistItem = z.object({
  enrolmentId: z.number().int(),
  enrolmentCode: z.string(),
  patientId: z.number().int(),
  patientCode: z.string(),
  programmeId: z.number().int(),
  programmeCode: z.string(),
  enrolmentDate: z.string(),
  caseManagerCode: z.string().nullable(),
  /** Early-window list: the window's last day, the psychosocial interventions so far, the target. */
  windowEnd: z.string().optional(),
  psychosocial: z.number().int().optional(),
  threshold: z.number().int().optional(),
  /** Unsigned-plan list: the latest plan of the enrolment. */
  planId: z.number().int().optional(),
  planCode: z.string().optional(),
  planCreatedDate: z.string().optional(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;
const Worklist = z.object({ total: z.number().int(), items: z.array(WorklistItem) });
export const Worklists = z.object({
  siteId: z.number().int(),
  programmeId: z.number().int().nullable(),
  asOf: z.string(),
  /** Each list shows at most this many rows (the most urgent first); `total` counts them all. */
  limit: z.number().int(),
  withoutCaseManager: Worklist,
  withoutPlan: Worklist,
  earlyWindowShortfall: Worklist,
  planNotSigned: Worklist,
});
export type Worklists = z.infer<typeof Worklists>;
