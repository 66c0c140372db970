/**
 * The offers API's shapes, inferred from the server's zod schemas (the contract). Types only.
 */

import type {
  DeclinedOffer,
  DeclinedOfferBodyInput as DeclinedOfferBody,
  Uptake,
} from "../../../server/offers/schemas.ts";

export type { DeclinedOffer, DeclinedOfferBody, Uptake };
