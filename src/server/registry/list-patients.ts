import { sql } from "kysely";
import type { z } from "zod";
import { patientVisible, patientVisibleAt } from "../core/access/patient-scope.ts";
import { assertSiteReadable } from "../core/access/patients.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import { patientRowToPatient, withoutJit } from "./repository.ts";
import type { PatientPage, PatientQuery } from "./schemas.ts";

type Query = z.infer<typeof PatientQuery>;

/** `LIKE` pattern for a literal prefix. */
const prefixPattern = (q: string) => `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Visible patients matching the filters (a query to select from); `siteId` must be readable. */
function matching(db: Executor, p: Principal, query: Query) {
  const { siteId, programmeId } = query;
  // Known at a site the user reads (checked by the caller) implies visible to the user: the
  // narrower predicate alone gives the same rows, and costs half.
  let q = db
    .selectFrom("patients as p")
    .where((eb) => (siteId === undefined ? patientVisible(eb, p) : patientVisibleAt(eb, [siteId])));
  if (programmeId !== undefined)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("enrolments as e")
          .select(sql`1`.as("one"))
          .whereRef("e.patient_id", "=", "p.id")
          .where("e.programme_id", "=", programmeId),
      ),
    );
  if (query.q) q = q.where("p.code", "like", prefixPattern(query.q));
  return q;
}

/**
 * The patients the user sees, by code, one page at a time; optionally only those known at a site
 * (which the user must be able to read), enrolled in a programme, or whose code starts with `q`.
 * One query (the total rides along with the rows); the read is audited with the ids returned.
 */
export async function listPatients(db: Db, p: Principal, actor: Actor, query: Query): Promise<PatientPage> {
  if (query.siteId !== undefined) assertSiteReadable(p, query.siteId);
  // A page and its total in one statement; the count may run over many patients, which makes
  // PostgreSQL's estimate large enough to JIT-compile a query that runs faster than it compiles.
  const { rows, total } = await withoutJit(db, async (trx) => {
    const rows = await matching(trx, p, query)
      .selectAll("p")
      .select(sql<number>`count(*) over ()`.as("total"))
      .orderBy(sql`p.code collate "C"`)
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    if (rows.length || query.offset === 0) return { rows, total: rows.length ? Number(rows[0]!.total) : 0 };
    // A page beyond the last row still reports how many there are.
    const count = await matching(trx, p, query)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  });
  const items = rows.map(({ total: _t, ...r }) => patientRowToPatient(r));
  await audit(db, actor, {
    action: "read",
    entity: "patient",
    entityId: null,
    siteId: query.siteId ?? null,
    programmeId: query.programmeId ?? null,
    detail: { filters: query, patientIds: items.map((i) => i.id) },
  });
  return { items, total };
}
