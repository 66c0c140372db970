import { z } from "zod";
import {
  CHECK_IN_OUTCOMES,
  DISENGAGEMENT_LISTS,
  NO_CONTACT_DEFAULT_DAYS,
  NO_CONTACT_MAX_DAYS,
  QUADRANTS,
  REFERRAL_DECISIONS,
  REFERRAL_DECLINE_REASONS,
  SEVERITIES,
} from "../../shared/pathways.ts";
import { CivilDate, Code, Id, Profile } from "../shared/schemas.ts";

const optionalNullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

/** Free text of a record (a reason, a note): trimmed, at most 1000 characters. */
const Text = z.string().trim().max(1000, "at most 1000 characters");
const RequiredText = Text.min(1, "required");

// Referrals

export const ReferralBody = z.strictObject({
  patientId: Id,
  /** The site recording the referral: one of the user's, where the patient is known. */
  siteId: Id,
  /** A directory service referring on the site's behalf; null or absent: the site itself. */
  fromServiceId: optionalNullable(Id),
  /** The directory service the patient is referred to (the site's region, active). */
  toServiceId: Id,
  reason: RequiredText,
  referralDate: CivilDate,
});
export type ReferralBody = z.infer<typeof ReferralBody>;
export type ReferralBodyInput = z.input<typeof ReferralBody>;

/** The receiving service's answer and the first contact; the state as a whole, checked together. */
export const ReferralDecisionBody = z.strictObject({
  decision: z.enum(REFERRAL_DECISIONS),
  decisionDate: optionalNullable(CivilDate),
  declineReason: optionalNullable(z.enum(REFERRAL_DECLINE_REASONS)),
  firstContactDate: optionalNullable(CivilDate),
});
export type ReferralDecisionBody = z.infer<typeof ReferralDecisionBody>;
export type ReferralDecisionBodyInput = z.input<typeof ReferralDecisionBody>;

const ServiceRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const Referral = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  siteId: z.number().int(),
  siteCode: z.string(),
  /** null: referred by the site itself. */
  fromService: ServiceRef.nullable(),
  toService: ServiceRef,
  reason: z.string(),
  referralDate: z.string(),
  decision: z.enum(REFERRAL_DECISIONS),
  decisionDate: z.string().nullable(),
  declineReason: z.enum(REFERRAL_DECLINE_REASONS).nullable(),
  firstContactDate: z.string().nullable(),
  /** Days from the referral to the first contact, else to the decision, else (pending) to today. */
  waitingDays: z.number().int(),
});
export type Referral = z.infer<typeof Referral>;

export const WaitingTimesQuery = z.strictObject({
  /** Pending referrals waiting more than this many days are counted (default 28). */
  overDays: z.coerce.number().int("a whole number").min(0, "0 or more").max(3650, "at most 3650").optional(),
  from: CivilDate.optional(),
  to: CivilDate.optional(),
});

const WaitingFigures = z.object({
  /** Referrals made in the period. */
  referrals: z.number().int().nullable(),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  /** Referrals still pending, waiting more than `overDays`. */
  pendingOver: z.number().int().nullable(),
  /** Counts of 1–4 hidden from this user (and the figures drawn from them). */
  suppressed: z.boolean(),
});

export const WaitingTimes = z.object({
  programmeId: z.number().int(),
  from: z.string(),
  to: z.string(),
  overDays: z.number().int(),
  asOf: z.string(),
  sites: z.array(WaitingFigures.extend({ siteId: z.number().int(), siteCode: z.string() })),
  programme: WaitingFigures,
});
export type WaitingTimes = z.infer<typeof WaitingTimes>;

// Four Quadrants

export const StratificationBody = z.strictObject({
  patientId: Id,
  siteId: Id,
  date: CivilDate,
  mentalHealthSeverity: z.enum(SEVERITIES),
  coOccurringSeverity: z.enum(SEVERITIES),
  note: Text.optional(),
});
export type StratificationBody = z.infer<typeof StratificationBody>;
export type StratificationBodyInput = z.input<typeof StratificationBody>;

export const Stratification = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  siteId: z.number().int(),
  siteCode: z.string(),
  date: z.string(),
  mentalHealthSeverity: z.enum(SEVERITIES),
  coOccurringSeverity: z.enum(SEVERITIES),
  quadrant: z.enum(QUADRANTS),
  note: z.string(),
});
export type Stratification = z.infer<typeof Stratification>;

export const SiteQuadrants = z.object({
  siteId: z.number().int(),
  asOf: z.string(),
  /** Patients with an open enrolment at the site, by their latest quadrant there. */
  counts: z.object({
    I: z.number().int(),
    II: z.number().int(),
    III: z.number().int(),
    IV: z.number().int(),
  }),
  notStratified: z.number().int(),
});
export type SiteQuadrants = z.infer<typeof SiteQuadrants>;

// Disengagement

export const MissedAppointmentBody = z.strictObject({
  patientId: Id,
  siteId: Id,
  date: CivilDate,
  /** The intervention type the appointment was for (base taxonomy or a practice's). */
  type: Code,
  professionalCode: optionalNullable(Code),
  professionalProfile: optionalNullable(Profile),
});
export type MissedAppointmentBody = z.infer<typeof MissedAppointmentBody>;
export type MissedAppointmentBodyInput = z.input<typeof MissedAppointmentBody>;

export const MissedAppointment = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  siteId: z.number().int(),
  date: z.string(),
  type: z.string(),
  professionalCode: z.string().nullable(),
  professionalProfile: Profile.nullable(),
});
export type MissedAppointment = z.infer<typeof MissedAppointment>;

export const DisengagementQuery = z.strictObject({
  /** "No contact for N days": N (default 30). */
  days: z.coerce
    .number()
    .int("a whole number")
    .min(1, "at least 1")
    .max(NO_CONTACT_MAX_DAYS, `at most ${NO_CONTACT_MAX_DAYS}`)
    .default(NO_CONTACT_DEFAULT_DAYS),
});

export const DisengagementItem = z.object({
  patientId: z.number().int(),
  patientCode: z.string(),
  /** The patient's open enrolments at the site (codes). */
  enrolmentCodes: z.array(z.string()),
  /** The latest delivered intervention at the site; null when none. */
  lastContactDate: z.string().nullable(),
  /** The latest missed appointment at the site; null when none. */
  lastMissedDate: z.string().nullable(),
  /** Days since the latest contact (or, never seen, since enrolment). */
  daysWithoutContact: z.number().int(),
  /** The latest check-in at the site, whatever its date. */
  lastCheckIn: z.object({ date: z.string(), outcome: z.enum(CHECK_IN_OUTCOMES) }).nullable(),
});
export type DisengagementItem = z.infer<typeof DisengagementItem>;

const DisengagementList = z.object({ total: z.number().int(), items: z.array(DisengagementItem) });

export const Disengagement = z.object({
  siteId: z.number().int(),
  asOf: z.string(),
  days: z.number().int(),
  limit: z.number().int(),
  noContact: DisengagementList,
  missedLastContact: DisengagementList,
});
export type Disengagement = z.infer<typeof Disengagement>;

export const CheckInBody = z.strictObject({
  patientId: Id,
  siteId: Id,
  date: CivilDate,
  list: z.enum(DISENGAGEMENT_LISTS),
  outcome: z.enum(CHECK_IN_OUTCOMES),
  note: Text.optional(),
});
export type CheckInBody = z.infer<typeof CheckInBody>;
export type CheckInBodyInput = z.input<typeof CheckInBody>;

export const CheckIn = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  siteId: z.number().int(),
  date: z.string(),
  list: z.enum(DISENGAGEMENT_LISTS),
  outcome: z.enum(CHECK_IN_OUTCOMES),
  note: z.string(),
});
export type CheckIn = z.infer<typeof CheckIn>;

// Named coordinator

export const CoordinatorBody = z.strictObject({
  /** A professional of the enrolment's site; null removes the coordinator (and the case manager code). */
  professionalId: Id.nullable(),
});
export type CoordinatorBody = z.infer<typeof CoordinatorBody>;

export const EnrolmentCoordinator = z.object({
  enrolmentId: z.number().int(),
  enrolmentCode: z.string(),
  programmeCode: z.string(),
  siteId: z.number().int(),
  siteCode: z.string(),
  endDate: z.string().nullable(),
  coordinator: z.object({ id: z.number().int(), code: z.string(), profile: Profile }).nullable(),
  /** The exchange format's case manager code; may be a legacy code that matches no professional. */
  caseManagerCode: z.string().nullable(),
  caseManagerProfile: Profile.nullable(),
});
export type EnrolmentCoordinator = z.infer<typeof EnrolmentCoordinator>;
