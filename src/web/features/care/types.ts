/**
 * The care API's shapes, inferred from the server's zod schemas (the contract). Types only.
 */
import type { z } from "zod";
import type {
  CarePlanBody as CarePlanBodySchema,
  CarePlan as CarePlanSchema,
  ConsentBody as ConsentBodySchema,
  Consent as ConsentSchema,
  CrisisPlanBody as CrisisPlanBodySchema,
  CrisisPlan as CrisisPlanSchema,
  PatientCare as PatientCareSchema,
  SharedPatient as SharedPatientSchema,
  SharedPlan as SharedPlanSchema,
  WithdrawBody as WithdrawBodySchema,
} from "../../../server/care/schemas.ts";

export type PatientCare = z.infer<typeof PatientCareSchema>;
export type Consent = z.infer<typeof ConsentSchema>;
export type ConsentBody = z.input<typeof ConsentBodySchema>;
export type WithdrawBody = z.input<typeof WithdrawBodySchema>;
export type CarePlan = z.infer<typeof CarePlanSchema>;
export type CarePlanBody = z.input<typeof CarePlanBodySchema>;
export type CrisisPlan = z.infer<typeof CrisisPlanSchema>;
export type CrisisPlanBody = z.input<typeof CrisisPlanBodySchema>;
export type SharedPatient = z.infer<typeof SharedPatientSchema>;
export type SharedPlan = z.infer<typeof SharedPlanSchema>;
export type WhoOut = CarePlan["actions"][number]["who"];
export type WhoIn = CarePlanBody["actions"][number]["who"];
