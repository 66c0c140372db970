import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { openAggregate } from "../core/access/aggregates.ts";
import { requireRegistryUser } from "../core/access/patients.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { IdParams } from "../shared/schemas.ts";
import { decideReferral } from "./decide-referral.ts";
import { siteDisengagement } from "./disengagement.ts";
import { listCoordinators } from "./list-coordinators.ts";
import { listReferrals } from "./list-referrals.ts";
import { listStratifications } from "./list-stratifications.ts";
import { readSiteQuadrants } from "./read-site-quadrants.ts";
import { readWaitingTimes } from "./read-waiting-times.ts";
import { recordCheckIn } from "./record-check-in.ts";
import { recordMissedAppointment } from "./record-missed-appointment.ts";
import { recordReferral } from "./record-referral.ts";
import { recordStratification } from "./record-stratification.ts";
import {
  CheckIn,
  CheckInBody,
  CoordinatorBody,
  Disengagement,
  DisengagementQuery,
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
  WaitingTimesQuery,
} from "./schemas.ts";
import { setCoordinator } from "./set-coordinator.ts";

/**
 * Care pathways (issue 13, part 3): referrals between services and their waiting times, the Four
 * Quadrants, missed appointments and the disengagement worklists with check-ins, the named
 * coordinator. Patient-level like the registry: viewers get 403, the others read the patients
 * they see and write at their own sites; every read and write is audited.
 */
export function registerPathwayRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["pathways"];

  app.post(
    "/api/referrals",
    { schema: { tags, body: ReferralBody, response: { 201: Referral } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      return reply.status(201).send(await recordReferral(db, p, actorOf(p), req.body));
    },
  );

  app.put(
    "/api/referrals/:id/decision",
    { schema: { tags, params: IdParams, body: ReferralDecisionBody, response: { 200: Referral } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return decideReferral(db, p, actorOf(p), req.params.id, req.body);
    },
  );

  app.get(
    "/api/patients/:id/referrals",
    { schema: { tags, params: IdParams, response: { 200: z.array(Referral) } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return listReferrals(db, p, actorOf(p), req.params.id);
    },
  );

  app.get(
    "/api/programmes/:id/referral-waiting-times",
    { schema: { tags, params: IdParams, querystring: WaitingTimesQuery, response: { 200: WaitingTimes } } },
    async (req) => readWaitingTimes(db, await openAggregate(db, req, req.params.id), req.query),
  );

  app.post(
    "/api/pathway-stratifications",
    { schema: { tags, body: StratificationBody, response: { 201: Stratification } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      return reply.status(201).send(await recordStratification(db, p, actorOf(p), req.body));
    },
  );

  app.get(
    "/api/patients/:id/pathway-stratifications",
    { schema: { tags, params: IdParams, response: { 200: z.array(Stratification) } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return listStratifications(db, p, actorOf(p), req.params.id);
    },
  );

  app.get(
    "/api/sites/:id/quadrants",
    { schema: { tags, params: IdParams, response: { 200: SiteQuadrants } } },
    async (req) => readSiteQuadrants(db, requireRegistryUser(req), req.params.id),
  );

  app.post(
    "/api/missed-appointments",
    { schema: { tags, body: MissedAppointmentBody, response: { 201: MissedAppointment } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      return reply.status(201).send(await recordMissedAppointment(db, p, actorOf(p), req.body));
    },
  );

  app.get(
    "/api/sites/:id/disengagement",
    { schema: { tags, params: IdParams, querystring: DisengagementQuery, response: { 200: Disengagement } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return siteDisengagement(db, p, actorOf(p), req.params.id, req.query.days);
    },
  );

  app.post(
    "/api/check-ins",
    { schema: { tags, body: CheckInBody, response: { 201: CheckIn } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      return reply.status(201).send(await recordCheckIn(db, p, actorOf(p), req.body));
    },
  );

  app.get(
    "/api/patients/:id/coordinators",
    { schema: { tags, params: IdParams, response: { 200: z.array(EnrolmentCoordinator) } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return listCoordinators(db, p, actorOf(p), req.params.id);
    },
  );

  app.put(
    "/api/enrolments/:id/coordinator",
    { schema: { tags, params: IdParams, body: CoordinatorBody, response: { 200: EnrolmentCoordinator } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return setCoordinator(db, p, actorOf(p), req.params.id, req.body);
    },
  );
}
