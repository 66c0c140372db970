import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { openAggregate } from "../core/access/aggregates.ts";
import { requireRegistryUser } from "../core/access/patients.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { IdParams } from "../shared/schemas.ts";
import { listDeclinedOffers } from "./list-declined-offers.ts";
import { readUptake } from "./read-uptake.ts";
import { recordDeclinedOffer } from "./record-declined-offer.ts";
import { DeclinedOffer, DeclinedOfferBody, Uptake, UptakeQuery } from "./schemas.ts";

/** Practices offered and declined (issue 13, part 5), and the uptake per site they make. */
export function registerOfferRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["registry"];

  app.post(
    "/api/declined-offers",
    { schema: { tags, body: DeclinedOfferBody, response: { 201: DeclinedOffer } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      return reply.status(201).send(await recordDeclinedOffer(db, p, actorOf(p), req.body));
    },
  );

  app.get(
    "/api/patients/:id/declined-offers",
    { schema: { tags, params: IdParams, response: { 200: z.array(DeclinedOffer) } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return listDeclinedOffers(db, p, actorOf(p), req.params.id);
    },
  );

  app.get(
    "/api/programmes/:id/uptake",
    { schema: { tags, params: IdParams, querystring: UptakeQuery, response: { 200: Uptake } } },
    async (req) => readUptake(db, await openAggregate(db, req, req.params.id), req.query),
  );
}
