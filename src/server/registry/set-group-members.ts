import { patientVisibleAt } from "../core/access/patient-scope.ts";
import { assertSiteWritable, forbiddenIssues, patientProblems } from "../core/access/patients.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { FieldIssue } from "../infra/http/errors.ts";
import { issuesError } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { capacityOf, loadGroupDetail, lockGroup } from "./group-queries.ts";
import type { GroupDetail, GroupMembersBody } from "./schemas.ts";
import { isRunning, otherRunningDbtGroups, secondGroupIssues } from "./second-dbt-group.ts";

/**
 * Replace a group's members with the given set. Each must be a patient the user sees who is known
 * at the group's site; a member without a left date counts against the capacity (IMR: 8). A patient
 * added to a running DBT skills group while in another running one needs a `secondGroupReason`.
 */
export async function setGroupMembers(
  db: Db,
  p: Principal,
  actor: Actor,
  id: number,
  body: GroupMembersBody,
): Promise<GroupDetail> {
  return auditedWrite(db, actor, { action: "update_members", entity: "group" }, async (trx) => {
    const group = await lockGroup(trx, id);
    assertSiteWritable(p, group.site_id);
    const members = body.members;
    const field = (i: number) => `body.members.${i}.patientId`;
    const { missing, hidden } = await patientProblems(
      trx,
      p,
      members.map((m, i) => ({ patientId: m.patientId, field: field(i) })),
    );
    if (hidden.length) throw forbiddenIssues(hidden);
    const ids = members.map((m) => m.patientId);
    const atSite = new Set(
      ids.length
        ? (
            await trx
              .selectFrom("patients as p")
              .select("p.id")
              .where("p.id", "in", ids)
              .where((eb) => patientVisibleAt(eb, [group.site_id]))
              .execute()
          ).map((r) => r.id)
        : [],
    );
    const issues: FieldIssue[] = [...missing];
    const seen = new Set<number>();
    members.forEach((m, i) => {
      if (seen.has(m.patientId))
        issues.push({ field: field(i), rule: "unique", message: "this patient is listed more than once" });
      seen.add(m.patientId);
      if (!missing.some((x) => x.field === field(i)) && !atSite.has(m.patientId))
        issues.push({
          field: field(i),
          rule: "not_at_site",
          message: "the patient is not known at the group's site (enrol or register them there first)",
        });
      if (m.leftDate && m.leftDate < m.joinedDate)
        issues.push({
          field: `body.members.${i}.leftDate`,
          rule: "before_start",
          message: "must be on or after the joined date",
        });
    });
    const capacity = capacityOf(group.kind, group.max_size);
    const active = members.filter((m) => !m.leftDate).length;
    if (capacity !== null && active > capacity)
      issues.push({
        field: "body.members",
        rule: "capacity",
        params: { max: capacity },
        message: `the group takes at most ${capacity} members; ${active} were given`,
      });
    const before = await trx
      .selectFrom("group_members")
      .select(["patient_id", "joined_date", "left_date"])
      .where("group_id", "=", id)
      .orderBy("patient_id")
      .execute();
    const now = today();
    const overrides: Array<{ patient_id: number; other_group: string; reason: string }> = [];
    if (group.kind === "dbt_skills" && isRunning(group, now)) {
      const alreadyIn = new Set(
        before.filter((b) => b.left_date === null || b.left_date >= now).map((b) => b.patient_id),
      );
      const others = await otherRunningDbtGroups(trx, id, [...new Set(ids)], now);
      issues.push(...secondGroupIssues(group, members, alreadyIn, others, now));
      for (const m of members) {
        const other = others.find((o) => o.patientId === m.patientId);
        if (other && m.secondGroupReason && !alreadyIn.has(m.patientId))
          overrides.push({
            patient_id: m.patientId,
            other_group: other.groupCode,
            reason: m.secondGroupReason,
          });
      }
    }
    if (issues.length) throw issuesError(issues);
    await trx.deleteFrom("group_members").where("group_id", "=", id).execute();
    if (members.length)
      await trx
        .insertInto("group_members")
        .values(
          members.map((m) => ({
            group_id: id,
            patient_id: m.patientId,
            joined_date: m.joinedDate,
            left_date: m.leftDate ?? null,
          })),
        )
        .execute();
    const detail = await loadGroupDetail(trx, id);
    return {
      result: detail,
      entityId: id,
      siteId: group.site_id,
      programmeId: group.programme_id,
      before: { members: before },
      after: {
        members: detail.members.map((m) => ({
          patient_id: m.patientId,
          joined_date: m.joinedDate,
          left_date: m.leftDate,
        })),
        // Who was added although in another running DBT skills group, and why
        ...(overrides.length ? { second_group_reasons: overrides } : {}),
      },
    };
  });
}
