import { sql } from "kysely";
import type { z } from "zod";
import type { Executor } from "../infra/db/executor.ts";
import { notFound } from "../infra/http/errors.ts";
import type { GroupRow } from "./repository.ts";
import { type GROUP_KINDS, type Group, type GroupDetail, IMR_MAX_SIZE } from "./schemas.ts";

type Kind = (typeof GROUP_KINDS)[number];
type GroupOut = z.infer<typeof Group>;

/** The number of members a group may hold: its max size, and never more than 8 for IMR. */
export function capacityOf(kind: string, maxSize: number | null): number | null {
  if (kind === "imr") return Math.min(maxSize ?? IMR_MAX_SIZE, IMR_MAX_SIZE);
  return maxSize;
}

export const groupRowToGroup = (
  r: GroupRow,
  counts: { memberCount: number; sessionCount: number },
): GroupOut => ({
  id: r.id,
  code: r.code,
  siteId: r.site_id,
  programmeId: r.programme_id,
  kind: r.kind as Kind,
  name: r.name,
  startDate: r.start_date,
  endDate: r.end_date,
  maxSize: r.max_size,
  facilitators: r.facilitators,
  ...counts,
});

/** The group row, locked until the transaction ends; 404 when unknown. */
export async function lockGroup(trx: Executor, id: number): Promise<GroupRow> {
  const row = await trx.selectFrom("groups").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  if (!row) throw notFound("group");
  return row;
}

/** Groups of a site with their current member count and number of sessions: one query. */
export async function listGroups(db: Executor, siteId: number): Promise<GroupOut[]> {
  const rows = await db
    .selectFrom("groups as g")
    .selectAll("g")
    .select((eb) => [
      eb
        .selectFrom("group_members as m")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("m.group_id", "=", "g.id")
        .where("m.left_date", "is", null)
        .as("member_count"),
      eb
        .selectFrom("group_sessions as s")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("s.group_id", "=", "g.id")
        .as("session_count"),
    ])
    .where("g.site_id", "=", siteId)
    .orderBy("g.start_date", "desc")
    .orderBy("g.code")
    .execute();
  return rows.map(({ member_count, session_count, ...r }) =>
    groupRowToGroup(r, { memberCount: Number(member_count ?? 0), sessionCount: Number(session_count ?? 0) }),
  );
}

/** A group with its members (by patient code) and sessions (newest first, with attendance). */
export async function loadGroupDetail(db: Executor, id: number): Promise<z.infer<typeof GroupDetail>> {
  const [group, members, sessions] = await Promise.all([
    db.selectFrom("groups").selectAll().where("id", "=", id).executeTakeFirst(),
    db
      .selectFrom("group_members as m")
      .innerJoin("patients as p", "p.id", "m.patient_id")
      .select(["m.patient_id", "p.code", "m.joined_date", "m.left_date"])
      .where("m.group_id", "=", id)
      .orderBy(sql`p.code collate "C"`)
      .execute(),
    db
      .selectFrom("group_sessions as s")
      .selectAll("s")
      .select((eb) =>
        eb
          .selectFrom("interventions as i")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("i.group_session_id", "=", "s.id")
          .as("attendance"),
      )
      .where("s.group_id", "=", id)
      .orderBy("s.date", "desc")
      .orderBy("s.id", "desc")
      .execute(),
  ]);
  if (!group) throw notFound("group");
  return {
    ...groupRowToGroup(group, {
      memberCount: members.filter((m) => m.left_date === null).length,
      sessionCount: sessions.length,
    }),
    members: members.map((m) => ({
      patientId: m.patient_id,
      patientCode: m.code,
      joinedDate: m.joined_date,
      leftDate: m.left_date,
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      date: s.date,
      module: s.module,
      durationMin: s.duration_min,
      professionalCode: s.professional_code,
      attendance: Number(s.attendance ?? 0),
    })),
  };
}
