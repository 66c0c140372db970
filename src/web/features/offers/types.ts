/**
 * The offers API's shapes, inferred from the server's zod schemas (the contract). Types only.
 */
import type { z } from "zod";
import type {
  DeclinedOfferBody as DeclinedOfferBodySchema,
  DeclinedOffer as DeclinedOfferSchema,
  Uptake as UptakeSchema,
} from "../../../server/offers/schemas.ts";

export type DeclinedOffer = z.infer<typeof DeclinedOfferSchema>;
export type DeclinedOfferBody = z.input<typeof DeclinedOfferBodySchema>;
export type Uptake = z.infer<typeof UptakeSchema>;
