/**
 * The care pathways API's shapes, inferred from the server's zod schemas (the contract). Types only.
 */

import type {
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

export type {
  CheckIn,
  CheckInBody,
  Disengagement,
  DisengagementItem,
  EnrolmentCoordinator,
  MissedAppointment,
  MissedAppointmentBody,
  Referral,
  ReferralBody,
  ReferralDecisionBody,
  SiteQuadrants,
  Stratification,
  StratificationBody,
  WaitingTimes,
};
