import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { requireAdmin } from "../core/access/guards.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { notFound } from "../infra/http/errors.ts";
import { IdParams } from "../shared/schemas.ts";
import { createUser } from "./create-user.ts";
import { listUsers } from "./repository.ts";
import { User, UserBody, UserPatch } from "./schemas.ts";
import { updateUser } from "./update-user.ts";

/** User administration: administrators only. */
export function registerUserRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["users"];

  app.get("/api/users", { schema: { tags, response: { 200: z.array(User) } } }, async (req) => {
    requireAdmin(req);
    return listUsers(db);
  });

  app.get("/api/users/:id", { schema: { tags, params: IdParams, response: { 200: User } } }, async (req) => {
    requireAdmin(req);
    const [user] = await listUsers(db, [req.params.id]);
    if (!user) throw notFound("user");
    return user;
  });

  app.post(
    "/api/users",
    { schema: { tags, body: UserBody, response: { 201: User } } },
    async (req, reply) => {
      const p = requireAdmin(req);
      const id = await createUser(db, actorOf(p), { ...req.body, mustChangePassword: true });
      const [user] = await listUsers(db, [id]);
      return reply.status(201).send(user!);
    },
  );

  app.patch(
    "/api/users/:id",
    { schema: { tags, params: IdParams, body: UserPatch, response: { 200: User } } },
    async (req) => {
      const p = requireAdmin(req);
      return updateUser(db, actorOf(p), req.params.id, req.body);
    },
  );
}
