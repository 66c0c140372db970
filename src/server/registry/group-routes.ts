import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { assertSiteReadable, requireRegistryUser } from "../core/access/patients.ts";
import { audit } from "../infra/audit/audit.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { IdParams } from "../shared/schemas.ts";
import { listGroups, loadGroupDetail } from "./group-queries.ts";
import { recordGroupSession } from "./record-group-session.ts";
import { createGroup, updateGroup } from "./save-group.ts";
import {
  Group,
  GroupBody,
  GroupDetail,
  GroupMembersBody,
  GroupPatch,
  GroupQuery,
  GroupSessionBody,
  GroupSessionCreated,
} from "./schemas.ts";
import { setGroupMembers } from "./set-group-members.ts";

/** Groups: create and change, members, sessions with attendance; a site's groups; one group. */
export function registerGroupRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["registry"];

  app.get(
    "/api/groups",
    { schema: { tags, querystring: GroupQuery, response: { 200: z.array(Group) } } },
    async (req) => {
      const p = requireRegistryUser(req);
      assertSiteReadable(p, req.query.siteId);
      return listGroups(db, req.query.siteId);
    },
  );

  app.get(
    "/api/groups/:id",
    { schema: { tags, params: IdParams, response: { 200: GroupDetail } } },
    async (req) => {
      const p = requireRegistryUser(req);
      const group = await loadGroupDetail(db, req.params.id);
      assertSiteReadable(p, group.siteId);
      await audit(db, actorOf(p), {
        action: "read",
        entity: "group",
        entityId: group.id,
        siteId: group.siteId,
        programmeId: group.programmeId,
        detail: { patientIds: group.members.map((m) => m.patientId) },
      });
      return group;
    },
  );

  app.post(
    "/api/groups",
    { schema: { tags, body: GroupBody, response: { 201: Group } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      return reply.status(201).send(await createGroup(db, p, actorOf(p), req.body));
    },
  );

  app.patch(
    "/api/groups/:id",
    { schema: { tags, params: IdParams, body: GroupPatch, response: { 200: Group } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return updateGroup(db, p, actorOf(p), req.params.id, req.body);
    },
  );

  app.put(
    "/api/groups/:id/members",
    { schema: { tags, params: IdParams, body: GroupMembersBody, response: { 200: GroupDetail } } },
    async (req) => {
      const p = requireRegistryUser(req);
      return setGroupMembers(db, p, actorOf(p), req.params.id, req.body);
    },
  );

  app.post(
    "/api/groups/:id/sessions",
    { schema: { tags, params: IdParams, body: GroupSessionBody, response: { 201: GroupSessionCreated } } },
    async (req, reply) => {
      const p = requireRegistryUser(req);
      return reply.status(201).send(await recordGroupSession(db, p, actorOf(p), req.params.id, req.body));
    },
  );
}
