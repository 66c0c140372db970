import { sql } from "kysely";
import type { Actor } from "../../infra/audit/audit.ts";
import { auditedWrite } from "../../infra/audit/audited-write.ts";
import { type Db, withoutStatementTimeout } from "../../infra/db/database.ts";
import type { Executor } from "../../infra/db/executor.ts";
import type { ProgrammeContext } from "../service.ts";
import { type Verification, verifyFacts } from "./verify.ts";

/** Keep the first differences of a run in its record: enough to see what is wrong. */
const KEPT_DIFFERENCES = 100;

export interface VerificationRecord {
  id: number;
  programmeId: number;
  startedAt: string;
  finishedAt: string;
  asOf: string[];
  cells: number;
  differences: number;
  startedBy: string;
  detail: { missing: boolean; differences: Verification["differences"]; stored?: Verification["stored"] };
}

/**
 * Verify a programme's facts against a recomputation and record the run (audited), so the admin
 * page can show when the facts were last checked and what it found.
 */
export async function runVerification(
  db: Db,
  ctx: ProgrammeContext,
  asOf: string[],
  actor: Actor,
  { deep = false }: { deep?: boolean } = {},
): Promise<{ verification: Verification; record: VerificationRecord }> {
  const startedAt = new Date();
  // One connection of its own, whose statement timeout is lifted for this long comparison (it
  // reads through caches that open transactions of their own, so it cannot be one transaction).
  const verification = await db.connection().execute(async (conn) => {
    await sql`set statement_timeout = 0`.execute(conn);
    try {
      return await verifyFacts(conn, ctx, asOf, { deep });
    } finally {
      await sql`reset statement_timeout`.execute(conn);
    }
  });
  const storedRows = verification.stored.reduce((n, t) => n + t.missing + t.extra, 0);
  const detail = {
    missing: verification.missing,
    differences: verification.differences.slice(0, KEPT_DIFFERENCES),
    ...(deep ? { stored: verification.stored } : {}),
  };
  const record = await auditedWrite(
    db,
    actor,
    { action: "verify", entity: "indicator_facts" },
    async (trx) => {
      const row = await trx
        .insertInto("indicator_verifications")
        .values({
          programme_id: ctx.id,
          started_at: startedAt,
          finished_at: new Date(),
          as_of: asOf,
          cells: verification.cells,
          differences: verification.differences.length + storedRows + (verification.missing ? 1 : 0),
          detail: JSON.stringify(detail),
          started_by: actor.name,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const after = {
        asOf,
        cells: verification.cells,
        differences: verification.differences.length,
        missing: verification.missing,
        ...(deep ? { storedRowsDiffering: storedRows } : {}),
      };
      return { result: row.id, entityId: row.id, programmeId: ctx.id, before: null, after };
    },
  );
  const [saved] = await listVerifications(db, { programmeId: ctx.id, id: record });
  return { verification, record: saved! };
}

export async function listVerifications(
  db: Executor,
  filter: { programmeId?: number; id?: number; latestOnly?: boolean } = {},
): Promise<VerificationRecord[]> {
  let q = db
    .selectFrom("indicator_verifications")
    .select([
      "id",
      "programme_id",
      "started_at",
      "finished_at",
      "as_of",
      "cells",
      "differences",
      "started_by",
      "detail",
    ])
    .orderBy("started_at", "desc")
    .orderBy("id", "desc");
  if (filter.programmeId !== undefined) q = q.where("programme_id", "=", filter.programmeId);
  if (filter.id !== undefined) q = q.where("id", "=", filter.id);
  if (filter.latestOnly) {
    q = q.where(
      "id",
      "in",
      db
        .selectFrom("indicator_verifications as v")
        .select((eb) => eb.fn.max("v.id").as("id"))
        .groupBy("v.programme_id"),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: new Date(r.finished_at).toISOString(),
    asOf: r.as_of,
    cells: r.cells,
    differences: r.differences,
    startedBy: r.started_by,
    detail: r.detail as VerificationRecord["detail"],
  }));
}

/** Per programme: when its facts were built (at creation, by migration, by a rebuild or a parameter change). */
export async function factsStatus(
  db: Executor,
): Promise<Map<number, { builtAt: string | null; enrolments: number }>> {
  const { rows } = await sql<{ programme_id: number; built_at: Date | null; enrolments: number }>`
    select p.id as programme_id, pp.built_at,
      (select count(*)::int from indicator_enrolment_facts f where f.programme_id = p.id) as enrolments
    from programmes p left join indicator_programme_params pp on pp.programme_id = p.id`.execute(db);
  return new Map(
    rows.map((r) => [
      r.programme_id,
      { builtAt: r.built_at ? new Date(r.built_at).toISOString() : null, enrolments: Number(r.enrolments) },
    ]),
  );
}

/**
 * Rebuild a programme's facts from the registry, in one transaction (audited): what an operator
 * does after a verification found differences. Writers of the programme wait for it.
 */
export async function rebuildFacts(
  db: Db,
  ctx: ProgrammeContext,
  actor: Actor,
): Promise<{ enrolments: number; ms: number }> {
  const started = performance.now();
  const enrolments = await auditedWrite(
    db,
    actor,
    { action: "rebuild", entity: "indicator_facts" },
    async (trx) => {
      await withoutStatementTimeout(trx);
      await sql`select indicator_rebuild_programme(${ctx.id}::int)`.execute(trx);
      const n = await sql<{ n: number }>`select count(*)::int as n from indicator_enrolment_facts
      where programme_id = ${ctx.id}`.execute(trx);
      const count = Number(n.rows[0]?.n ?? 0);
      return {
        result: count,
        entityId: ctx.id,
        programmeId: ctx.id,
        before: null,
        after: { enrolments: count },
      };
    },
  );
  return { enrolments, ms: Math.round(performance.now() - started) };
}
