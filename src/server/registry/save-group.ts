import type { z } from "zod";
import { assertSiteWritable, checkWritableSites } from "../core/access/patients.ts";
import { CODE_PREFIX, generateCode } from "../core/codes.ts";
import { programmeRunsAt } from "../core/programme-scope.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import type { FieldIssue } from "../infra/http/errors.ts";
import { issuesError } from "../infra/http/errors.ts";
import { capacityOf, groupRowToGroup, lockGroup } from "./group-queries.ts";
import { type Group, type GroupBody, type GroupPatch, IMR_MAX_SIZE } from "./schemas.ts";

type GroupOut = z.infer<typeof Group>;

/** A programme given for a group must exist and run at the group's site. */
async function programmeIssues(
  db: Executor,
  programmeId: number | null,
  siteId: number,
): Promise<FieldIssue[]> {
  if (programmeId === null) return [];
  const [programme, runsAtSite] = await Promise.all([
    db.selectFrom("programmes").select("id").where("id", "=", programmeId).executeTakeFirst(),
    programmeRunsAt(db, programmeId, siteId),
  ]);
  if (!programme) return [{ field: "body.programmeId", rule: "reference", message: "no such programme" }];
  if (!runsAtSite)
    return [
      {
        field: "body.programmeId",
        rule: "programme_site",
        message: "the programme does not run at this site",
      },
    ];
  return [];
}

function shapeIssues(g: { kind: string; startDate: string; endDate: string | null; maxSize: number | null }) {
  const issues: FieldIssue[] = [];
  if (g.endDate !== null && g.endDate < g.startDate)
    issues.push({
      field: "body.endDate",
      rule: "before_start",
      message: "must be on or after the start date",
    });
  if (g.kind === "imr" && g.maxSize !== null && g.maxSize > IMR_MAX_SIZE)
    issues.push({
      field: "body.maxSize",
      rule: "imr_capacity",
      params: { max: IMR_MAX_SIZE },
      message: `an IMR group takes at most ${IMR_MAX_SIZE} members`,
    });
  return issues;
}

/** Create a group at a site the user records for; IMR groups are capped at 8 members. */
export async function createGroup(db: Db, p: Principal, actor: Actor, body: GroupBody): Promise<GroupOut> {
  return auditedWrite(db, actor, { action: "create", entity: "group" }, async (trx) => {
    await checkWritableSites(trx, p, [{ siteId: body.siteId, field: "body.siteId" }]);
    const programmeId = body.programmeId ?? null;
    const maxSize = body.maxSize ?? (body.kind === "imr" ? IMR_MAX_SIZE : null);
    const issues = [
      ...(await programmeIssues(trx, programmeId, body.siteId)),
      ...shapeIssues({ kind: body.kind, startDate: body.startDate, endDate: body.endDate ?? null, maxSize }),
    ];
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .insertInto("groups")
      .values({
        code: generateCode(CODE_PREFIX.group),
        site_id: body.siteId,
        programme_id: programmeId,
        kind: body.kind,
        name: body.name,
        start_date: body.startDate,
        end_date: body.endDate ?? null,
        max_size: maxSize,
        facilitators: body.facilitators,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const group = groupRowToGroup(row, { memberCount: 0, sessionCount: 0 });
    return { result: group, entityId: row.id, siteId: row.site_id, programmeId, before: null, after: group };
  });
}

/**
 * Change a group's programme, name, dates, capacity or facilitators. Its site and kind stay (its
 * sessions were recorded as that kind, there); the capacity may not drop below the current members.
 */
export async function updateGroup(
  db: Db,
  p: Principal,
  actor: Actor,
  id: number,
  body: GroupPatch,
): Promise<GroupOut> {
  return auditedWrite(db, actor, { action: "update", entity: "group" }, async (trx) => {
    const before = await lockGroup(trx, id);
    assertSiteWritable(p, before.site_id);
    const next = {
      programme_id: body.programmeId === undefined ? before.programme_id : body.programmeId,
      name: body.name ?? before.name,
      start_date: body.startDate ?? before.start_date,
      end_date: body.endDate === undefined ? before.end_date : body.endDate,
      max_size: body.maxSize === undefined ? before.max_size : body.maxSize,
      facilitators: body.facilitators ?? before.facilitators,
    };
    if (before.kind === "imr" && next.max_size === null) next.max_size = IMR_MAX_SIZE;
    const [members, sessions] = await Promise.all([
      trx
        .selectFrom("group_members")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("group_id", "=", id)
        .where("left_date", "is", null)
        .executeTakeFirstOrThrow(),
      trx
        .selectFrom("group_sessions")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("group_id", "=", id)
        .executeTakeFirstOrThrow(),
    ]);
    const issues = [
      ...(body.programmeId !== undefined
        ? await programmeIssues(trx, next.programme_id, before.site_id)
        : []),
      ...shapeIssues({
        kind: before.kind,
        startDate: next.start_date,
        endDate: next.end_date,
        maxSize: next.max_size,
      }),
    ];
    const capacity = capacityOf(before.kind, next.max_size);
    if (capacity !== null && Number(members.n) > capacity && !issues.some((i) => i.field === "body.maxSize"))
      issues.push({
        field: "body.maxSize",
        rule: "below_members",
        params: { min: Number(members.n) },
        message: `the group has ${members.n} members; remove some before lowering its size to ${capacity}`,
      });
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .updateTable("groups")
      .set(next)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const counts = { memberCount: Number(members.n), sessionCount: Number(sessions.n) };
    return {
      result: groupRowToGroup(row, counts),
      entityId: id,
      siteId: row.site_id,
      programmeId: row.programme_id,
      before: groupRowToGroup(before, counts),
      after: groupRowToGroup(row, counts),
    };
  });
}
