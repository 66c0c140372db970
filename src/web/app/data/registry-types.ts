/**
 * The registry API's shapes, inferred from the server's zod schemas (the contract). Types only:
 * nothing of the server ends up in the bundle through this file.
 */

import type { Patient, Enrolment, Intervention, Group } from "../../../server/registry/schemas.ts";
export type { Patient, PatientBodyInput as PatientBody, PatientDetail, PatientPage, EligibilityCheck, EligibilityResult, Enrolment, EnrolmentBodyInput as EnrolmentBody, EnrolmentPatchInput as EnrolmentPatch, Intervention, InterventionBodyInput as InterventionBody, InterventionList, InterventionDefaults, CatalogueType, Group, GroupBodyInput as GroupBody, GroupDetail, GroupMembersBodyInput as GroupMembersBody, GroupSessionBodyInput as GroupSessionBody, GroupSessionCreated, TreatmentPlan, PlanBodyInput as PlanBody, PlanPatchInput as PlanPatch, PlanState, PlanHistory, Timeline, TimelineEnrolment, TimelineEvent, WorklistItem, Worklists } from "../../../server/registry/schemas.ts";

export type Sex = Patient["sex"];
export type Setting = Intervention["setting"];
export type Recipient = Intervention["recipient"];
export type GroupKind = Group["kind"];
export type EndReason = NonNullable<Enrolment["endReason"]>;
