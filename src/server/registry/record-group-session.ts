import { assertSiteWritable, forbiddenIssues, patientProblems } from "../core/access/patients.ts";
import { careDateIssues } from "../core/care-dates.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import type { FieldIssue } from "../infra/http/errors.ts";
import { issuesError } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { lockGroup } from "./group-queries.ts";
import { insertInterventions } from "./record-intervention.ts";
import {
  type Catalogue,
  catalogueIssues,
  type DefinitionParts,
  type GroupRow,
  loadCatalogue,
} from "./repository.ts";
import type { GroupSessionBody, GroupSessionCreated } from "./schemas.ts";

const TYPE_BY_KIND: Record<string, string> = {
  dbt_skills: "skills_training",
  family_connections: "family_intervention",
  psychoeducation: "psychoeducation",
  other: "other",
};

/**
 * The intervention type a session of an IMR group is recorded as: the IMR practice's own type when
 * it defines one (a type whose code names IMR, else its first psychosocial type), otherwise
 * psychoeducation. The practice is the group's programme's, or the practice coded IMR.
 */
async function imrType(db: Executor, group: GroupRow, catalogue: Catalogue): Promise<string> {
  const practice = group.programme_id
    ? await db
        .selectFrom("programmes as pr")
        .innerJoin("practices as p", "p.id", "pr.practice_id")
        .innerJoin("practice_versions as v", (j) =>
          j.onRef("v.practice_id", "=", "pr.practice_id").onRef("v.version", "=", "pr.practice_version"),
        )
        .select(["p.code", "v.definition"])
        .where("pr.id", "=", group.programme_id)
        .executeTakeFirst()
    : await db
        .selectFrom("practices as p")
        .innerJoin("practice_versions as v", (j) =>
          j.onRef("v.practice_id", "=", "p.id").onRef("v.version", "=", "p.current_version"),
        )
        .select(["p.code", "v.definition"])
        .where((eb) => eb(eb.fn("upper", ["p.code"]), "=", "IMR"))
        .executeTakeFirst();
  const types = ((practice?.definition as DefinitionParts | undefined)?.interventionTypes ?? []).filter((t) =>
    catalogue.types.has(t.code),
  );
  const named = types.find((t) => /imr/i.test(t.code));
  const chosen =
    named ?? (practice && /imr/i.test(practice.code) ? types.find((t) => t.psychosocial) : undefined);
  return chosen?.code ?? "psychoeducation";
}

/**
 * Record a group session and its attendance in one transaction: the session, and one group
 * intervention per attending member (recipient: the family for Family Connections, else the
 * patient), each audited. Attendees must be members of the group on the session's date.
 */
export async function recordGroupSession(
  db: Db,
  p: Principal,
  actor: Actor,
  groupId: number,
  body: GroupSessionBody,
): Promise<GroupSessionCreated> {
  return db.transaction().execute(async (trx) => {
    const group = await lockGroup(trx, groupId);
    assertSiteWritable(p, group.site_id);
    const field = (i: number) => `body.attendees.${i}`;
    const { patients, missing, hidden } = await patientProblems(
      trx,
      p,
      body.attendees.map((patientId, i) => ({ patientId, field: field(i) })),
    );
    if (hidden.length) throw forbiddenIssues(hidden);
    const [members, catalogue] = await Promise.all([
      trx
        .selectFrom("group_members")
        .select(["patient_id", "joined_date", "left_date"])
        .where("group_id", "=", groupId)
        .execute(),
      loadCatalogue(trx),
    ]);
    const memberOf = new Map(members.map((m) => [m.patient_id, m]));
    const issues: FieldIssue[] = [
      ...missing,
      ...catalogueIssues(catalogue, "body.", { module: body.module }),
    ];
    const now = today();
    if (body.date > now)
      issues.push({ field: "body.date", rule: "future", message: `${body.date} is in the future` });
    else if (body.date < group.start_date || (group.end_date !== null && body.date > group.end_date))
      issues.push({
        field: "body.date",
        rule: "outside_group",
        message: `the group runs from ${group.start_date}${group.end_date ? ` to ${group.end_date}` : ""}`,
      });
    const seen = new Set<number>();
    body.attendees.forEach((patientId, i) => {
      const patient = patients.get(patientId);
      if (!patient) return;
      if (seen.has(patientId))
        issues.push({ field: field(i), rule: "unique", message: "this patient is listed more than once" });
      seen.add(patientId);
      const member = memberOf.get(patientId);
      if (!member)
        issues.push({
          field: field(i),
          rule: "not_member",
          message: `${patient.code} is not a member of the group`,
        });
      else if (member.joined_date > body.date || (member.left_date !== null && member.left_date < body.date))
        issues.push({
          field: field(i),
          rule: "not_member",
          message: `${patient.code} was not a member on ${body.date}`,
        });
      else if (body.date <= now) issues.push(...careDateIssues(field(i), body.date, patient.birth_year, now));
    });
    if (issues.length) throw issuesError(issues);

    const type = group.kind === "imr" ? await imrType(trx, group, catalogue) : TYPE_BY_KIND[group.kind]!;
    const session = await trx
      .insertInto("group_sessions")
      .values({
        group_id: groupId,
        date: body.date,
        module: body.module ?? null,
        duration_min: body.durationMin ?? null,
        professional_code: body.professionalCode ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const interventions = await insertInterventions(
      trx,
      actor,
      body.attendees.map((patientId) => ({
        patient_id: patientId,
        site_id: group.site_id,
        date: body.date,
        type,
        setting: "group",
        recipient: group.kind === "family_connections" ? "family" : "patient",
        professional_code: body.professionalCode ?? null,
        professional_profile: null,
        duration_min: body.durationMin ?? null,
        module: body.module ?? null,
        group_id: groupId,
        group_session_id: session.id,
      })),
    );
    const created = {
      id: session.id,
      groupId,
      date: session.date,
      module: session.module,
      durationMin: session.duration_min,
      professionalCode: session.professional_code,
      attendance: interventions.length,
      interventions,
    };
    await audit(trx, actor, {
      action: "create",
      entity: "group_session",
      entityId: session.id,
      siteId: group.site_id,
      programmeId: group.programme_id,
      detail: {
        before: null,
        after: { ...created, interventions: undefined, attendees: body.attendees, type },
      },
    });
    return created;
  });
}
