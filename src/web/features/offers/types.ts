/**
 * The offers API's shapes, inferred from the server's zod schemas (the contract). Types only.
 */

export type {
  DeclinedOffer,
  DeclinedOfferBodyInput as DeclinedOfferBody,
  Uptake,
} from "../../../server/offers/schemas.ts";
