import type { Transaction } from "kysely";
import type { z } from "zod";
import { canManageSite, readableSites } from "../../core/access/roles.ts";
import { type Actor, audit } from "../../infra/audit/audit.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import type { DB } from "../../infra/db/schema.ts";
import { AppError, type FieldIssue, issuesError, notFound } from "../../infra/http/errors.ts";
import type { Attendance, AttendanceBody } from "./schemas.ts";

type Out = z.infer<typeof Attendance>;

async function readAttendance(db: Db | Transaction<DB>, p: Principal, courseId: number): Promise<Out> {
  const sites = readableSites(p);
  let q = db
    .selectFrom("training_attendance as a")
    .innerJoin("professionals as pr", "pr.id", "a.professional_id")
    .select(["a.professional_id", "pr.code", "pr.site_id", "pr.profile", "a.completed", "a.satisfaction"])
    .where("a.course_id", "=", courseId)
    .orderBy("pr.code");
  if (sites !== "all")
    q = sites.size ? q.where("pr.site_id", "in", [...sites]) : q.where((eb) => eb.val(false));
  const rows = await q.execute();
  return {
    courseId,
    rows: rows.map((r) => ({
      professionalId: r.professional_id,
      professionalCode: r.code,
      siteId: r.site_id,
      profile: r.profile as Out["rows"][number]["profile"],
      completed: r.completed,
      satisfaction: r.satisfaction,
    })),
  };
}

/** Who attended a course: only the professionals of the sites the user reads (viewers: none). */
export async function getAttendance(db: Db, p: Principal, courseId: number): Promise<Out> {
  const course = await db
    .selectFrom("training_courses")
    .select("id")
    .where("id", "=", courseId)
    .executeTakeFirst();
  if (!course) throw notFound("course");
  return readAttendance(db, p, courseId);
}

/**
 * Record attendance, completion and satisfaction (1–5) for professionals of a course — each at a
 * site the user manages (403 naming the row otherwise); an unknown professional is a 400 naming
 * its row. Upserts in one transaction with one audit entry per professional (before/after).
 */
export async function saveAttendance(
  db: Db,
  p: Principal,
  actor: Actor,
  courseId: number,
  body: AttendanceBody,
): Promise<Out> {
  return db.transaction().execute(async (trx) => {
    const course = await trx
      .selectFrom("training_courses")
      .select("id")
      .where("id", "=", courseId)
      .executeTakeFirst();
    if (!course) throw notFound("course");
    const ids = body.rows.map((r) => r.professionalId);
    const [pros, before] = await Promise.all([
      trx.selectFrom("professionals").select(["id", "site_id"]).where("id", "in", ids).execute(),
      trx
        .selectFrom("training_attendance")
        .selectAll()
        .where("course_id", "=", courseId)
        .where("professional_id", "in", ids)
        .forUpdate()
        .execute(),
    ]);
    const siteOf = new Map(pros.map((x) => [x.id, x.site_id]));
    const missing: FieldIssue[] = [];
    const refused: FieldIssue[] = [];
    const seen = new Set<number>();
    body.rows.forEach((r, i) => {
      const field = `body.rows.${i}.professionalId`;
      const site = siteOf.get(r.professionalId);
      if (seen.has(r.professionalId))
        missing.push({ field, rule: "unique", message: "this professional is listed twice" });
      seen.add(r.professionalId);
      if (site === undefined) missing.push({ field, rule: "reference", message: "no such professional" });
      else if (!canManageSite(p, site))
        refused.push({ field, rule: "forbidden", message: "not a professional of a site you manage" });
    });
    if (refused.length)
      throw new AppError(
        "forbidden",
        "you may record training only for the professionals of sites you manage",
        refused,
      );
    if (missing.length) throw issuesError(missing);
    await trx
      .insertInto("training_attendance")
      .values(
        body.rows.map((r) => ({
          course_id: courseId,
          professional_id: r.professionalId,
          completed: r.completed,
          satisfaction: r.satisfaction,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["course_id", "professional_id"]).doUpdateSet((eb) => ({
          completed: eb.ref("excluded.completed"),
          satisfaction: eb.ref("excluded.satisfaction"),
        })),
      )
      .execute();
    const old = new Map(before.map((b) => [b.professional_id, b]));
    await audit(
      trx,
      actor,
      body.rows.map((r) => {
        const b = old.get(r.professionalId);
        return {
          action: b ? "update" : "create",
          entity: "training_attendance",
          entityId: `${courseId}/${r.professionalId}`,
          siteId: siteOf.get(r.professionalId)!,
          detail: {
            before: b ? { completed: b.completed, satisfaction: b.satisfaction } : null,
            after: { completed: r.completed, satisfaction: r.satisfaction },
          },
        };
      }),
    );
    return readAttendance(trx, p, courseId);
  });
}
