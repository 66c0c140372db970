import { z } from "zod";
import { DIRECTIONS, KINDS } from "../indicators/public.ts";
import { ACTIVITY_STATUSES } from "../planning/public.ts";
import { WorklistItem } from "../registry/public.ts";
import { IdParams } from "../shared/schemas.ts";

/** API shapes of the home page (`GET /api/home`) and the data-quality worklist. */

export const AUDIENCES = ["administrator", "regional_coordinator", "site_staff", "viewer"] as const;
export type Audience = (typeof AUDIENCES)[number];

const SiteRef = { siteId: z.number().int(), siteCode: z.string(), siteName: z.string() };
const ProgrammeRef = { programmeId: z.number().int(), programmeCode: z.string() };

/** One site's registry worklists: the counts of each list and the early windows closing this week. */
export const SiteWorklistSummary = z.object({
  ...SiteRef,
  withoutCaseManager: z.number().int(),
  withoutPlan: z.number().int(),
  earlyWindowShortfall: z.number().int(),
  planNotSigned: z.number().int(),
  /** Early windows short of psychosocial interventions that close within the next 7 days. */
  dueThisWeek: z.array(WorklistItem),
});
export type SiteWorklistSummary = z.infer<typeof SiteWorklistSummary>;

export const OverdueActivity = z.object({
  ...ProgrammeRef,
  /** Null: the regional plan. */
  siteId: z.number().int().nullable(),
  siteCode: z.string().nullable(),
  activityId: z.string(),
  title: z.string(),
  end: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
});

export const OpenRound = z.object({
  ...ProgrammeRef,
  questionnaireId: z.number().int(),
  questionnaireTitle: z.string(),
  roundId: z.number().int(),
  label: z.string(),
  closesOn: z.string(),
  /** Sites (within the user's scope) that have not submitted their answers to this round. */
  missing: z.array(z.object({ siteId: z.number().int(), siteCode: z.string() })),
  /** Sites of the programme (within the user's scope) asked to answer. */
  asked: z.number().int(),
});

export const BelowTarget = z.object({
  ...ProgrammeRef,
  siteId: z.number().int(),
  siteCode: z.string(),
  indicatorId: z.string(),
  label: z.string(),
  kind: z.enum(KINDS),
  builtIn: z.boolean(),
  value: z.number(),
  target: z.number(),
  direction: z.enum(DIRECTIONS),
});
export type BelowTarget = z.infer<typeof BelowTarget>;

export const FidelityDue = z.object({
  ...ProgrammeRef,
  ...SiteRef,
  /** The latest review of the site in this programme, or null when it never had one. */
  lastReview: z.string().nullable(),
  /** When the next review is due (null: never reviewed, due now). */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
});

export const DATA_QUALITY_CHECKS = [
  "enrolmentsWithoutDiagnosis",
  "patientsWithoutFirstContact",
  "plansWithoutSharedDate",
] as const;
export type DataQualityCheck = (typeof DATA_QUALITY_CHECKS)[number];

export const SiteDataQuality = z.object({
  ...SiteRef,
  enrolmentsWithoutDiagnosis: z.number().int(),
  patientsWithoutFirstContact: z.number().int(),
  plansWithoutSharedDate: z.number().int(),
});
export type SiteDataQuality = z.infer<typeof SiteDataQuality>;

/** What a viewer may see: programme-level figures of the indicators that have a target. */
export const ProgrammeAggregate = z.object({
  ...ProgrammeRef,
  programmeName: z.string(),
  indicators: z.array(
    z.object({
      indicatorId: z.string(),
      label: z.string(),
      kind: z.enum(KINDS),
      builtIn: z.boolean(),
      /** The whole programme's value; null when not computable or suppressed (small cells). */
      value: z.number().nullable(),
      suppressed: z.boolean(),
      /** Sites whose (unsuppressed) value meets the target, of the sites with such a value. */
      sitesMeeting: z.number().int(),
      sitesJudged: z.number().int(),
      /** The whole programme's target, or null when only sites have targets. */
      target: z.number().nullable(),
      direction: z.enum(DIRECTIONS).nullable(),
    }),
  ),
});
export type ProgrammeAggregate = z.infer<typeof ProgrammeAggregate>;

export const Home = z.object({
  asOf: z.string(),
  /** What the user's grants make them: each section below is filled for the audiences it serves. */
  audiences: z.array(z.enum(AUDIENCES)),
  /** Site staff: their sites' worklists (patient-level; the read is audited). */
  worklists: z.array(SiteWorklistSummary),
  /** Site staff: their sites' plans; coordinators and administrators: their programmes' plans. */
  overdueActivities: z.object({ total: z.number().int(), items: z.array(OverdueActivity) }),
  openRounds: z.array(OpenRound),
  belowTarget: z.array(BelowTarget),
  fidelityDue: z.array(FidelityDue),
  dataQuality: z.array(SiteDataQuality),
  /** Viewers: aggregates only. */
  aggregates: z.array(ProgrammeAggregate),
});
export type Home = z.infer<typeof Home>;

export const DataQualityOverview = z.object({ asOf: z.string(), sites: z.array(SiteDataQuality) });

const Listed = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ total: z.number().int(), items: z.array(item) });

export const SiteDataQualityRecords = z.object({
  site: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  /** Each list shows at most this many records (oldest first); `total` counts them all. */
  limit: z.number().int(),
  enrolmentsWithoutDiagnosis: Listed(
    z.object({
      enrolmentId: z.number().int(),
      enrolmentCode: z.string(),
      patientId: z.number().int(),
      patientCode: z.string(),
      programmeCode: z.string(),
      enrolmentDate: z.string(),
    }),
  ),
  patientsWithoutFirstContact: Listed(
    z.object({ patientId: z.number().int(), patientCode: z.string(), birthYear: z.number().int() }),
  ),
  plansWithoutSharedDate: Listed(
    z.object({
      planId: z.number().int(),
      planCode: z.string(),
      patientId: z.number().int(),
      patientCode: z.string(),
      createdDate: z.string(),
    }),
  ),
});

export { IdParams };
