import { sql } from "kysely";
import type { z } from "zod";
import { canManageSite, coordinatedProgrammes, isAdmin } from "../../core/access/roles.ts";
import type { Actor } from "../../infra/audit/audit.ts";
import { auditedWrite, created } from "../../infra/audit/audited-write.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import { conflict, type FieldIssue, forbidden, issuesError } from "../../infra/http/errors.ts";
import type { Course, CourseBody } from "./schemas.ts";

type Out = z.infer<typeof Course>;

/** Who may create a course: administrators; a programme's regional coordinators; a site's managers for local courses. */
export function canRunCourse(p: Principal, programmeId: number | null, siteId: number | null): boolean {
  if (isAdmin(p)) return true;
  if (programmeId !== null && coordinatedProgrammes(p).includes(programmeId)) return true;
  return siteId !== null && programmeId === null && canManageSite(p, siteId);
}

/** Courses with their attendance figures, in one query. */
export async function listCourses(
  db: Db,
  filter: { programmeId?: number | undefined; siteId?: number | undefined },
): Promise<Out[]> {
  let q = db
    .selectFrom("training_courses as c")
    .leftJoin("training_attendance as a", "a.course_id", "c.id")
    .select([
      "c.id",
      "c.code",
      "c.programme_id",
      "c.site_id",
      "c.title",
      "c.topic",
      "c.hours",
      "c.mode",
      "c.start_date",
      "c.end_date",
      sql<number>`count(a.professional_id)::int`.as("attendees"),
      sql<number>`count(*) filter (where a.completed)::int`.as("completed"),
      sql<number | null>`avg(a.satisfaction)::float8`.as("satisfaction"),
    ])
    .groupBy("c.id")
    .orderBy("c.start_date", "desc")
    .orderBy("c.code");
  if (filter.programmeId !== undefined) q = q.where("c.programme_id", "=", filter.programmeId);
  if (filter.siteId !== undefined) q = q.where("c.site_id", "=", filter.siteId);
  return (await q.execute()).map((r) => ({
    id: r.id,
    code: r.code,
    programmeId: r.programme_id,
    siteId: r.site_id,
    title: r.title,
    topic: r.topic,
    hours: Number(r.hours),
    mode: r.mode as Out["mode"],
    startDate: r.start_date,
    endDate: r.end_date,
    attendees: r.attendees,
    completed: r.completed,
    satisfaction: r.satisfaction === null ? null : Math.round(Number(r.satisfaction) * 100) / 100,
  }));
}

/** Create a training course; the end on or after the start, the site one of the programme's. Audited. */
export async function createCourse(db: Db, p: Principal, actor: Actor, body: CourseBody): Promise<Out> {
  if (!canRunCourse(p, body.programmeId, body.siteId))
    throw forbidden(
      "only an administrator, a regional coordinator of the programme, or a site's coordinator for a local course may create it",
    );
  return auditedWrite(db, actor, { action: "create", entity: "training_course" }, async (trx) => {
    const issues: FieldIssue[] = [];
    if (body.endDate < body.startDate)
      issues.push({
        field: "body.endDate",
        rule: "end_before_start",
        message: `${body.endDate} is before the start ${body.startDate}`,
      });
    const [programme, site, taken] = await Promise.all([
      body.programmeId === null
        ? null
        : trx.selectFrom("programmes").select("id").where("id", "=", body.programmeId).executeTakeFirst(),
      body.siteId === null
        ? null
        : trx.selectFrom("sites").select("id").where("id", "=", body.siteId).executeTakeFirst(),
      trx.selectFrom("training_courses").select("id").where("code", "=", body.code).executeTakeFirst(),
    ]);
    if (programme === undefined)
      issues.push({ field: "body.programmeId", rule: "reference", message: "no such programme" });
    if (site === undefined) issues.push({ field: "body.siteId", rule: "reference", message: "no such site" });
    if (issues.length) throw issuesError(issues);
    if (taken) throw conflict(`a course with code "${body.code}" already exists`, "body.code");
    const row = await trx
      .insertInto("training_courses")
      .values({
        code: body.code,
        programme_id: body.programmeId,
        site_id: body.siteId,
        title: body.title,
        topic: body.topic,
        hours: body.hours,
        mode: body.mode,
        start_date: body.startDate,
        end_date: body.endDate,
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const out: Out = {
      id: row.id,
      code: row.code,
      programmeId: row.programme_id,
      siteId: row.site_id,
      title: row.title,
      topic: row.topic,
      hours: Number(row.hours),
      mode: row.mode as Out["mode"],
      startDate: row.start_date,
      endDate: row.end_date,
      attendees: 0,
      completed: 0,
      satisfaction: null,
    };
    return created(row, out);
  });
}
