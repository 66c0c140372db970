import type { Writable } from "node:stream";
import { sql, type Transaction } from "kysely";
import type { DB } from "../../infra/db/schema.ts";
import {
  computeImportPass,
  type InterventionCapture,
  PASS_COLUMNS,
  type PassEnrolment,
} from "./import-pass.ts";

/**
 * The facts rebuild at the end of an import that loaded every intervention into the empty table
 * (PostgreSQL only: direct-load.ts). The pass over the loaded rows — the part of the rebuild that
 * costs most, about 2 µs of the server's core per row — is summed in Node from what the load
 * captured, while the server rebuilds the table's keys and indexes (`meanwhile`); the server then
 * only turns the sums into facts (migration 0030). docs/indicators.md, "Imports".
 *
 * The sums are exact only if the registry the rebuild reads is the one they were summed from:
 * every programme's facts lock is taken before the enrolments are read (a writer of an enrolment,
 * a programme's parameters or an intervention of an enrolled patient waits for it), and before the
 * rebuild the enrolments are read again and the interventions counted. If anything differs (a
 * patient with no enrolment got an intervention meanwhile, say), the SQL pass runs as before.
 */
export async function rebuildFactsAfterLoad(
  trx: Transaction<DB>,
  capture: InterventionCapture,
  copy: (statement: string) => Writable,
  meanwhile: () => Promise<void>,
): Promise<{ source: "the import's sums" | "the registry"; passMs: number }> {
  await sql`select pg_advisory_xact_lock(${FACTS_LOCK}::int, p.id) from ${WITH_FACTS} p order by p.id`.execute(
    trx,
  );
  const enrolments = await passEnrolments(trx);
  const started = performance.now();
  let passMs = 0;
  const [, pass] = await Promise.all([
    meanwhile(),
    computeImportPass(capture, enrolments).then((p) => {
      passMs = Math.round(performance.now() - started);
      return p;
    }),
  ]);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from interventions`.execute(trx);
  const same = rows[0]!.n === capture.length && sameEnrolments(enrolments, await passEnrolments(trx));
  if (!same) {
    await rebuildEveryProgramme(trx);
    return { source: "the registry", passMs };
  }
  await sql
    .raw(
      `create temp table facts_import_pass (${PASS_COLUMNS.map(([n, t]) => `${n} ${t}`).join(", ")}) on commit drop`,
    )
    .execute(trx);
  await copyText(
    copy(`copy facts_import_pass (${PASS_COLUMNS.map(([n]) => n).join(", ")}) from stdin`),
    pass.text,
  );
  await rebuildEveryProgramme(trx, true);
  await sql`drop table facts_import_pass`.execute(trx);
  return { source: "the import's sums", passMs };
}

/** The key of a programme's facts lock (migration 0008: a rebuild takes it, writers share it). */
const FACTS_LOCK = 1886413107;

/** The programmes with enrolments or facts: those a rebuild of every programme rebuilds. */
const WITH_FACTS = sql`(select programme_id as id from enrolments union select programme_id from indicator_enrolment_facts)`;

/**
 * Rebuild every programme with enrolments or facts from the registry (or, `fromPass`, from the
 * import's sums), in programme order: each takes its programme's lock. After a load into the
 * empty interventions table every intervention is the import's, so any programme may have
 * changed, and one with no interventions costs little to rebuild (a scan of its enrolments).
 */
export async function rebuildEveryProgramme(trx: Transaction<DB>, fromPass = false): Promise<void> {
  const fn = fromPass ? "indicator_rebuild_programme_from_pass" : "indicator_rebuild_programme";
  await sql`select ${sql.raw(fn)}(p.id) from ${WITH_FACTS} p order by p.id`.execute(trx);
}

/**
 * Every enrolment of a programme with facts parameters, with those parameters (as the rebuild's
 * opening computes them from the programme and its practice version), dates as day numbers.
 */
async function passEnrolments(trx: Transaction<DB>): Promise<PassEnrolment[]> {
  const { rows } = await sql<{
    id: number;
    patient_id: number;
    programme_id: number;
    site_id: number;
    start: number;
    end: number | null;
    start_month: number;
    early_days: number;
    psychosocial: string[];
  }>`
    select e.id, e.patient_id, e.programme_id, e.site_id,
      e.enrolment_date - date '1970-01-01' as start, e.end_date - date '1970-01-01' as end,
      (date_part('year', e.enrolment_date)::int * 12 + date_part('month', e.enrolment_date)::int - 1) as start_month,
      x.early_days, x.psychosocial
    from enrolments e
    join programmes p on p.id = e.programme_id
    left join practice_versions pv on pv.practice_id = p.practice_id and pv.version = p.practice_version
    cross join lateral indicator_params_of(p.parameters, pv.definition) x
    order by e.id`.execute(trx);
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    programmeId: r.programme_id,
    siteId: r.site_id,
    start: r.start,
    end: r.end,
    startMonth: r.start_month,
    earlyDays: r.early_days,
    psychosocial: r.psychosocial,
  }));
}

function sameEnrolments(a: readonly PassEnrolment[], b: readonly PassEnrolment[]): boolean {
  return a.length === b.length && a.every((e, i) => JSON.stringify(e) === JSON.stringify(b[i]));
}

/** Write COPY text to a COPY stream, then end it and wait for the server. */
async function copyText(stream: Writable, chunks: readonly string[]): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise((resolve) => stream.once("drain", resolve));
  }
  stream.end();
  await done;
}
