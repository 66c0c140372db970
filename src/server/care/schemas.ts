import { z } from "zod";
import { ACTION_STATUSES, ACTION_WHO, CARE_LIMITS, CONSENT_SCOPES } from "../../shared/care.ts";
import { CivilDate, Id } from "../shared/schemas.ts";

const Text = (max: number) => z.string().trim().min(1, "required").max(max, `at most ${max} characters`);
const LongText = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

/** Who carries out an action: a professional of the team, a directory service, the person, the family. */
export const Who = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("professional"), professionalId: Id }),
  z.strictObject({ kind: z.literal("service"), serviceId: Id }),
  z.strictObject({ kind: z.literal("person") }),
  z.strictObject({ kind: z.literal("family") }),
]);
export type Who = z.infer<typeof Who>;
export const WHO_KINDS = ACTION_WHO;

export const ConsentBody = z.strictObject({
  /** The site recording it: one of the user's, where the patient is known. */
  siteId: Id,
  /** The directory service the information is shared with (a service of the site's region). */
  serviceId: Id,
  scope: z.enum(CONSENT_SCOPES),
  givenDate: CivilDate,
});
export type ConsentBody = z.infer<typeof ConsentBody>;
export type ConsentBodyInput = z.input<typeof ConsentBody>;

export const WithdrawBody = z.strictObject({
  withdrawnDate: CivilDate,
  reason: Text(CARE_LIMITS.reason),
});
export type WithdrawBody = z.infer<typeof WithdrawBody>;
export type WithdrawBodyInput = z.input<typeof WithdrawBody>;

const ServiceRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const Consent = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  siteId: z.number().int(),
  siteCode: z.string(),
  service: ServiceRef,
  scope: z.enum(CONSENT_SCOPES),
  givenDate: z.string(),
  withdrawnDate: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  current: z.boolean(),
});
export type Consent = z.infer<typeof Consent>;

export const Goal = z.strictObject({ text: Text(CARE_LIMITS.goalText) });

export const CareAction = z.strictObject({
  text: Text(CARE_LIMITS.actionText),
  /** The goal it serves: its position in `goals` (0 = the first). */
  goal: z.number().int("a whole number").min(0, "0 or more"),
  who: Who,
  dueDate: CivilDate.nullable().default(null),
  status: z.enum(ACTION_STATUSES).default("planned"),
});

export const CarePlanBody = z.strictObject({
  /** The content version read; 0 when the plan had no content yet. */
  baseVersion: z.number().int().min(0),
  goals: z.array(Goal).max(CARE_LIMITS.goals, `at most ${CARE_LIMITS.goals} goals`),
  actions: z.array(CareAction).max(CARE_LIMITS.actions, `at most ${CARE_LIMITS.actions} actions`),
  reviewDate: CivilDate.nullable().default(null),
});
export type CarePlanBody = z.infer<typeof CarePlanBody>;
export type CarePlanBodyInput = z.input<typeof CarePlanBody>;

export const CrisisAction = z.strictObject({
  text: Text(CARE_LIMITS.actionText),
  who: Who,
});

export const CrisisPlanBody = z.strictObject({
  /** The version read; 0 when the patient has no crisis plan yet. */
  baseVersion: z.number().int().min(0),
  /** The site writing it: one of the user's, where the patient is known. */
  siteId: Id,
  planDate: CivilDate,
  warningSigns: LongText(CARE_LIMITS.crisisText),
  whatHelps: LongText(CARE_LIMITS.crisisText),
  actions: z.array(CrisisAction).max(CARE_LIMITS.actions, `at most ${CARE_LIMITS.actions} actions`),
  contactServiceIds: z
    .array(Id)
    .max(CARE_LIMITS.contacts, `at most ${CARE_LIMITS.contacts} contacts`)
    .refine((a) => new Set(a).size === a.length, {
      message: "a service appears twice",
      params: { rule: "duplicate" },
    }),
  reviewDate: CivilDate.nullable().default(null),
});
export type CrisisPlanBody = z.infer<typeof CrisisPlanBody>;
export type CrisisPlanBodyInput = z.input<typeof CrisisPlanBody>;

/** Who, as read: the names a reader needs (a professional's code and profile, a service's name). */
const WhoOut = z.object({
  kind: z.enum(ACTION_WHO),
  professionalId: z.number().int().nullable(),
  professionalCode: z.string().nullable(),
  professionalProfile: z.string().nullable(),
  serviceId: z.number().int().nullable(),
  serviceName: z.string().nullable(),
});

export const CarePlan = z.object({
  planId: z.number().int(),
  planCode: z.string(),
  siteId: z.number().int(),
  createdDate: z.string(),
  goals: z.array(z.object({ text: z.string() })),
  actions: z.array(
    z.object({
      text: z.string(),
      goal: z.number().int(),
      who: WhoOut,
      dueDate: z.string().nullable(),
      status: z.enum(ACTION_STATUSES),
    }),
  ),
  reviewDate: z.string().nullable(),
  /** 0: no content saved yet. */
  version: z.number().int(),
});
export type CarePlan = z.infer<typeof CarePlan>;

export const CrisisPlan = z.object({
  id: z.number().int(),
  siteId: z.number().int(),
  planDate: z.string(),
  warningSigns: z.string(),
  whatHelps: z.string(),
  actions: z.array(z.object({ text: z.string(), who: WhoOut })),
  contacts: z.array(
    ServiceRef.extend({ phone: z.string().nullable(), openingHours: z.string(), active: z.boolean() }),
  ),
  reviewDate: z.string().nullable(),
  version: z.number().int(),
});
export type CrisisPlan = z.infer<typeof CrisisPlan>;

/** Everything the patient page's section needs: consents, plans, and the choices its forms offer. */
export const PatientCare = z.object({
  patientId: z.number().int(),
  /** The user writes consent and plans for this patient (a clinician or site coordinator of a site where they are known). */
  canWrite: z.boolean(),
  /** The user's sites where they may write for this patient. */
  writableSiteIds: z.array(z.number().int()),
  consents: z.array(Consent),
  carePlans: z.array(CarePlan),
  crisisPlan: CrisisPlan.nullable(),
  /** Active directory services of the regions of the patient's sites. */
  services: z.array(ServiceRef),
  /** Professionals of the teams of the patient's sites. */
  professionals: z.array(
    z.object({ id: z.number().int(), code: z.string(), profile: z.string(), siteId: z.number().int() }),
  ),
});
export type PatientCare = z.infer<typeof PatientCare>;

export const SharedPlan = z.object({
  patientId: z.number().int(),
  patientCode: z.string(),
  /** The user's consented services this read relies on. */
  services: z.array(ServiceRef.extend({ scope: z.enum(CONSENT_SCOPES) })),
  carePlans: z.array(CarePlan).nullable(),
  crisisPlan: CrisisPlan.nullable(),
});
export type SharedPlan = z.infer<typeof SharedPlan>;

export const SharedPatient = z.object({
  patientId: z.number().int(),
  patientCode: z.string(),
  services: z.array(ServiceRef.extend({ scope: z.enum(CONSENT_SCOPES), givenDate: z.string() })),
});
export type SharedPatient = z.infer<typeof SharedPatient>;
