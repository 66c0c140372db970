import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { requireAdmin } from "../core/access/guards.ts";
import { audit } from "../infra/audit/audit.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { hashPassword } from "../infra/auth/password.ts";
import { notFound } from "../infra/http/errors.ts";
import { IdParams } from "../shared/schemas.ts";
import { assertNotLastAdmin, checkGrantReferences, createUser } from "./create-user.ts";
import { listUsers } from "./repository.ts";
import { User, UserBody, UserPatch } from "./schemas.ts";

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
      const body = req.body;
      const hash = body.password ? await hashPassword(body.password) : undefined;
      await db.transaction().execute(async (trx) => {
        const [before] = await listUsers(trx, [req.params.id]);
        if (!before) throw notFound("user");
        if (body.grants) await checkGrantReferences(trx, body.grants);
        const losesAdmin =
          (body.active === false || (body.grants && !body.grants.some((g) => g.role === "administrator"))) &&
          before.grants.some((g) => g.role === "administrator");
        if (losesAdmin) {
          const others = await trx
            .selectFrom("user_roles as r")
            .innerJoin("users as u", "u.id", "r.user_id")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("r.role", "=", "administrator")
            .where("u.active", "=", true)
            .where("u.id", "!=", before.id)
            .executeTakeFirstOrThrow();
          assertNotLastAdmin(Number(others.n));
        }
        const set = {
          display_name: body.displayName,
          active: body.active,
          ...(hash ? { password_hash: hash, must_change_password: true } : {}),
        };
        if (Object.values(set).some((v) => v !== undefined)) {
          await trx.updateTable("users").set(set).where("id", "=", before.id).execute();
        }
        if (body.grants) {
          await trx.deleteFrom("user_roles").where("user_id", "=", before.id).execute();
          await trx
            .insertInto("user_roles")
            .values(
              body.grants.map((g) => ({
                user_id: before.id,
                role: g.role,
                programme_id: g.programmeId,
                site_id: g.siteId,
              })),
            )
            .execute();
        }
        if (body.active === false || hash) {
          await trx.deleteFrom("sessions").where("user_id", "=", before.id).execute();
        }
        const [after] = await listUsers(trx, [before.id]);
        await audit(trx, actorOf(p), {
          action: hash ? "update_and_reset_password" : "update",
          entity: "user",
          entityId: before.id,
          detail: { before, after },
        });
      });
      const [user] = await listUsers(db, [req.params.id]);
      return user!;
    },
  );
}
