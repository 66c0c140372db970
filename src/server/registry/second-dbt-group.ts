import type { Executor } from "../infra/db/executor.ts";
import type { FieldIssue } from "../infra/http/errors.ts";
import type { GroupRow } from "./repository.ts";

/** A member as the members' list gives it. */
export interface MemberIn {
  patientId: number;
  leftDate?: string | null | undefined;
  secondGroupReason?: string | null | undefined;
}

/** A patient who, on `today`, is a current member of another running DBT skills group. */
export interface OtherGroup {
  patientId: number;
  groupCode: string;
}

/** Whether a DBT skills group is running on `today` (started, not ended). */
export const isRunning = (g: { start_date: string; end_date: string | null }, today: string) =>
  g.start_date <= today && (g.end_date === null || g.end_date >= today);

/**
 * The other running DBT skills groups that the given patients are current members of on `today`:
 * one query for the whole list.
 */
export async function otherRunningDbtGroups(
  trx: Executor,
  groupId: number,
  patientIds: number[],
  today: string,
): Promise<OtherGroup[]> {
  if (patientIds.length === 0) return [];
  return trx
    .selectFrom("group_members as m")
    .innerJoin("groups as g", "g.id", "m.group_id")
    .select(["m.patient_id as patientId", "g.code as groupCode"])
    .where("g.kind", "=", "dbt_skills")
    .where("g.id", "<>", groupId)
    .where("g.start_date", "<=", today)
    .where((eb) => eb.or([eb("g.end_date", "is", null), eb("g.end_date", ">=", today)]))
    .where("m.patient_id", "in", patientIds)
    .where("m.joined_date", "<=", today)
    .where((eb) => eb.or([eb("m.left_date", "is", null), eb("m.left_date", ">=", today)]))
    .orderBy("g.code")
    .execute();
}

/**
 * The rule of a second DBT skills group: a patient already in a running DBT skills group is not
 * added to another running one without a reason (the programme offers one skills group at a
 * time; a second is an exception someone decides). Only members being added are checked — one
 * already in this group, or leaving it, is not asked again. Pure: the facts are given.
 */
export function secondGroupIssues(
  group: Pick<GroupRow, "kind" | "start_date" | "end_date">,
  members: MemberIn[],
  alreadyIn: ReadonlySet<number>,
  others: OtherGroup[],
  today: string,
): FieldIssue[] {
  if (group.kind !== "dbt_skills" || !isRunning(group, today)) return [];
  const otherOf = new Map<number, string>();
  for (const o of others) if (!otherOf.has(o.patientId)) otherOf.set(o.patientId, o.groupCode);
  const issues: FieldIssue[] = [];
  members.forEach((m, i) => {
    const other = otherOf.get(m.patientId);
    const staying = !m.leftDate || m.leftDate >= today;
    if (!other || !staying || alreadyIn.has(m.patientId) || m.secondGroupReason) return;
    issues.push({
      field: `body.members.${i}.secondGroupReason`,
      rule: "other_dbt_group",
      params: { group: other },
      message: `the patient is already in the running DBT skills group ${other}; give a reason to add them to a second one`,
    });
  });
  return issues;
}
