import { sql } from "kysely";
import type { Db } from "../../infra/db/database.ts";
import { COUNTERS } from "./counters.ts";

/** One table of a programme's facts whose stored rows differ from a rebuild from the registry. */
export interface StoredDifference {
  table:
    | "indicator_programme_params"
    | "indicator_enrolment_facts"
    | "indicator_site_days"
    | "indicator_site_month_histograms";
  /** Rows a rebuild produces that are not stored (or stored with other values). */
  missing: number;
  /** Stored rows a rebuild does not produce (or produces with other values). */
  extra: number;
}

/** Thrown to roll the comparison's rebuild back; never escapes. */
class RollBack extends Error {}

const nonZeroDay = COUNTERS.map((c) => `${c} <> 0`).join(" or ");

/** The facts rows of one programme, comparable across a rebuild (all-zero rows say nothing). */
const TABLES: Array<[StoredDifference["table"], string, string]> = [
  // parameters carry the time of their build: everything else
  [
    "indicator_programme_params",
    "programme_id, early_days, threshold, new_days, age_min, age_max, diagnoses, psychosocial",
    "true",
  ],
  ["indicator_enrolment_facts", "*", "true"],
  ["indicator_site_days", "*", nonZeroDay],
  ["indicator_site_month_histograms", "*", "enrolments <> 0"],
];

/**
 * The deep check: the stored facts rows themselves — per enrolment, per (site, day), the month
 * histograms and the parameters — compared with what a rebuild from the registry produces, row by
 * row. It finds drift the outputs cannot show yet (a flipped flag of an enrolment whose indicator
 * happens to come out the same, a deleted row of a site with no enrolment in the window). The
 * rebuild runs inside a transaction that is rolled back: nothing changes, but writers of the
 * programme wait for it (it holds the programme's facts lock), so it is for the nightly job.
 */
export async function verifyStoredFacts(db: Db, programmeId: number): Promise<StoredDifference[]> {
  const out: StoredDifference[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      // the rebuild of a region programme is minutes of work, not a request
      await sql`set local statement_timeout = 0`.execute(trx);
      for (const [table, cols, keep] of TABLES) {
        await sql
          .raw(
            `create temp table stored_${table} on commit drop as
             select ${cols} from ${table} where programme_id = ${Number(programmeId)} and (${keep})`,
          )
          .execute(trx);
      }
      await sql`select indicator_rebuild_programme(${programmeId}::int)`.execute(trx);
      for (const [table, cols, keep] of TABLES) {
        const fresh = `(select ${cols} from ${table} where programme_id = ${Number(programmeId)} and (${keep}))`;
        const stored = `(select * from stored_${table})`;
        const q = `select
            (select count(*) from (${fresh} except all ${stored}) m)::int as missing,
            (select count(*) from (${stored} except all ${fresh}) x)::int as extra`;
        const { rows } = await sql.raw<{ missing: number; extra: number }>(q).execute(trx);
        const r = rows[0]!;
        if (r.missing || r.extra) out.push({ table, missing: Number(r.missing), extra: Number(r.extra) });
      }
      throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  return out;
}
