/**
 * The care pathways API's shapes, inferred from the server's zod schemas (the contract). Types only.
 */
import type { z } from "zod";
import type {
  CheckInBody as CheckInBodySchema,
  CheckIn as CheckInSchema,
  DisengagementItem as DisengagementItemSchema,
  Disengagement as DisengagementSchema,
  EnrolmentCoordinator as EnrolmentCoordinatorSchema,
  MissedAppointmentBody as MissedAppointmentBodySchema,
  MissedAppointment as MissedAppointmentSchema,
  ReferralBody as ReferralBodySchema,
  ReferralDecisionBody as ReferralDecisionBodySchema,
  Referral as ReferralSchema,
  SiteQuadrants as SiteQuadrantsSchema,
  StratificationBody as StratificationBodySchema,
  Stratification as StratificationSchema,
  WaitingTimes as WaitingTimesSchema,
} from "../../../server/pathways/schemas.ts";

export type Referral = z.infer<typeof ReferralSchema>;
export type ReferralBody = z.input<typeof ReferralBodySchema>;
export type ReferralDecisionBody = z.input<typeof ReferralDecisionBodySchema>;
export type WaitingTimes = z.infer<typeof WaitingTimesSchema>;
export type Stratification = z.infer<typeof StratificationSchema>;
export type StratificationBody = z.input<typeof StratificationBodySchema>;
export type SiteQuadrants = z.infer<typeof SiteQuadrantsSchema>;
export type MissedAppointment = z.infer<typeof MissedAppointmentSchema>;
export type MissedAppointmentBody = z.input<typeof MissedAppointmentBodySchema>;
export type Disengagement = z.infer<typeof DisengagementSchema>;
export type DisengagementItem = z.infer<typeof DisengagementItemSchema>;
export type CheckIn = z.infer<typeof CheckInSchema>;
export type CheckInBody = z.input<typeof CheckInBodySchema>;
export type EnrolmentCoordinator = z.infer<typeof EnrolmentCoordinatorSchema>;
