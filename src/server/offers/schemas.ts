import { z } from "zod";
import { DECLINE_REASONS } from "../../shared/vocabulary.ts";
import { CivilDate, Id } from "../shared/schemas.ts";

export const DeclinedOfferBody = z.strictObject({
  patientId: Id,
  /** The programme (practice) offered. */
  programmeId: Id,
  /** The site that offered it: one of the programme's sites, one of the user's. */
  siteId: Id,
  offerDate: CivilDate,
  reason: z.enum(DECLINE_REASONS),
});
export type DeclinedOfferBody = z.infer<typeof DeclinedOfferBody>;
export type DeclinedOfferBodyInput = z.input<typeof DeclinedOfferBody>;

export const DeclinedOffer = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  programmeId: z.number().int(),
  programmeCode: z.string(),
  siteId: z.number().int(),
  siteCode: z.string(),
  offerDate: z.string(),
  reason: z.enum(DECLINE_REASONS),
});
export type DeclinedOffer = z.infer<typeof DeclinedOffer>;

export const UptakeQuery = z.strictObject({ from: CivilDate.optional(), to: CivilDate.optional() });

const UptakeCounts = z.object({
  /** Patients enrolled in the programme in the period. */
  enrolled: z.number().int().nullable(),
  /** Patients who declined it in the period and were not enrolled in it then. */
  declined: z.number().int().nullable(),
  /** enrolled ÷ (enrolled + declined), 0–1; null when nobody was offered it or a count is hidden. */
  uptake: z.number().nullable(),
  /** Counts of 1–4 hidden from this user. */
  suppressed: z.boolean(),
});

export const Uptake = z.object({
  programmeId: z.number().int(),
  from: z.string(),
  to: z.string(),
  sites: z.array(UptakeCounts.extend({ siteId: z.number().int(), siteCode: z.string() })),
  programme: UptakeCounts,
});
export type Uptake = z.infer<typeof Uptake>;
