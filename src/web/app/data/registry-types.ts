/**
 * The registry API's shapes, inferred from the server's zod schemas (the contract). Types only:
 * nothing of the server ends up in the bundle through this file.
 */
import type { z } from "zod";
import type {
  CatalogueType as CatalogueTypeSchema,
  EligibilityCheck as EligibilityCheckSchema,
  EligibilityResult as EligibilityResultSchema,
  EnrolmentBody as EnrolmentBodySchema,
  EnrolmentPatch as EnrolmentPatchSchema,
  Enrolment as EnrolmentSchema,
  GroupBody as GroupBodySchema,
  GroupDetail as GroupDetailSchema,
  GroupMembersBody as GroupMembersBodySchema,
  Group as GroupSchema,
  GroupSessionBody as GroupSessionBodySchema,
  GroupSessionCreated as GroupSessionCreatedSchema,
  InterventionBody as InterventionBodySchema,
  InterventionDefaults as InterventionDefaultsSchema,
  InterventionList as InterventionListSchema,
  Intervention as InterventionSchema,
  PatientBody as PatientBodySchema,
  PatientDetail as PatientDetailSchema,
  PatientPage as PatientPageSchema,
  Patient as PatientSchema,
  PlanBody as PlanBodySchema,
  PlanHistory as PlanHistorySchema,
  PlanPatch as PlanPatchSchema,
  PlanState as PlanStateSchema,
  TimelineEnrolment as TimelineEnrolmentSchema,
  TimelineEvent as TimelineEventSchema,
  Timeline as TimelineSchema,
  TreatmentPlan as TreatmentPlanSchema,
  WorklistItem as WorklistItemSchema,
  Worklists as WorklistsSchema,
} from "../../../server/registry/schemas.ts";

export type Patient = z.infer<typeof PatientSchema>;
export type PatientBody = z.input<typeof PatientBodySchema>;
export type PatientDetail = z.infer<typeof PatientDetailSchema>;
export type PatientPage = z.infer<typeof PatientPageSchema>;
export type EligibilityCheck = z.infer<typeof EligibilityCheckSchema>;
export type EligibilityResult = z.infer<typeof EligibilityResultSchema>;
export type Enrolment = z.infer<typeof EnrolmentSchema>;
export type EnrolmentBody = z.input<typeof EnrolmentBodySchema>;
export type EnrolmentPatch = z.input<typeof EnrolmentPatchSchema>;
export type Intervention = z.infer<typeof InterventionSchema>;
export type InterventionBody = z.input<typeof InterventionBodySchema>;
export type InterventionList = z.infer<typeof InterventionListSchema>;
export type InterventionDefaults = z.infer<typeof InterventionDefaultsSchema>;
export type CatalogueType = z.infer<typeof CatalogueTypeSchema>;
export type Group = z.infer<typeof GroupSchema>;
export type GroupBody = z.input<typeof GroupBodySchema>;
export type GroupDetail = z.infer<typeof GroupDetailSchema>;
export type GroupMembersBody = z.input<typeof GroupMembersBodySchema>;
export type GroupSessionBody = z.input<typeof GroupSessionBodySchema>;
export type GroupSessionCreated = z.infer<typeof GroupSessionCreatedSchema>;
export type TreatmentPlan = z.infer<typeof TreatmentPlanSchema>;
export type PlanBody = z.input<typeof PlanBodySchema>;
export type PlanPatch = z.input<typeof PlanPatchSchema>;
export type PlanState = z.infer<typeof PlanStateSchema>;
export type PlanHistory = z.infer<typeof PlanHistorySchema>;
export type Timeline = z.infer<typeof TimelineSchema>;
export type TimelineEnrolment = z.infer<typeof TimelineEnrolmentSchema>;
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export type WorklistItem = z.infer<typeof WorklistItemSchema>;
export type Worklists = z.infer<typeof WorklistsSchema>;

export type Sex = Patient["sex"];
export type Setting = Intervention["setting"];
export type Recipient = Intervention["recipient"];
export type GroupKind = Group["kind"];
export type EndReason = NonNullable<Enrolment["endReason"]>;
