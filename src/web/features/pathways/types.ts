/**
 * The care pathways API's shapes, inferred from the server's zod schemas (the contract). Types only.
 */

export type {
  CheckIn,
  CheckInBodyInput as CheckInBody,
  Disengagement,
  DisengagementItem,
  EnrolmentCoordinator,
  MissedAppointment,
  MissedAppointmentBodyInput as MissedAppointmentBody,
  Referral,
  ReferralBodyInput as ReferralBody,
  ReferralDecisionBodyInput as ReferralDecisionBody,
  SiteQuadrants,
  Stratification,
  StratificationBodyInput as StratificationBody,
  WaitingTimes,
} from "../../../server/pathways/schemas.ts";
