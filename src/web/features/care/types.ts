/**
 * The care API's shapes, inferred from the server's zod schemas (the contract). Types only.
 */

import type { CarePlan, CarePlanBodyInput as CarePlanBody } from "../../../server/care/schemas.ts";

export type {
  CarePlan,
  CarePlanBodyInput as CarePlanBody,
  Consent,
  ConsentBodyInput as ConsentBody,
  CrisisPlan,
  CrisisPlanBodyInput as CrisisPlanBody,
  PatientCare,
  SharedPatient,
  SharedPlan,
  WithdrawBodyInput as WithdrawBody,
} from "../../../server/care/schemas.ts";

export type WhoOut = CarePlan["actions"][number]["who"];
export type WhoIn = CarePlanBody["actions"][number]["who"];
