import { sql, type Transaction } from "kysely";
import type { Db } from "../../infra/db/database.ts";
import type { DB } from "../../infra/db/schema.ts";

export interface DerivedImrSummary {
  startDate: string | null;
  stopDate: string | null;
  sessions: number;
  modules: string[];
  format: "individual" | "group" | "mixed" | null;
}

/**
 * What the registry tells about a patient's IMR at a site: the interventions recorded with an IMR
 * module (`IMR-n`) or in an IMR group — first and last date, number of session days, the modules
 * delivered (in curriculum order) and the format (individual, group or both).
 */
export async function deriveImrSummary(
  db: Db | Transaction<DB>,
  patientId: number,
  siteId: number,
): Promise<DerivedImrSummary> {
  const { rows } = await sql<{
    start: string | null;
    stop: string | null;
    sessions: number;
    modules: string[] | null;
    any_group: boolean | null;
    any_individual: boolean | null;
  }>`
    select min(i.date)::text as start, max(i.date)::text as stop, count(distinct i.date)::int as sessions,
      array_agg(distinct i.module) filter (where i.module like 'IMR-%') as modules,
      bool_or(i.setting = 'group') as any_group, bool_or(i.setting = 'individual') as any_individual
    from interventions i
    left join groups g on g.id = i.group_id
    where i.patient_id = ${patientId} and i.site_id = ${siteId}
      and (i.module like 'IMR-%' or g.kind = 'imr')
  `.execute(db);
  const r = rows[0]!;
  const modules = (r.modules ?? [])
    .filter((m) => /^IMR-\d+$/.test(m))
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  return {
    startDate: r.start,
    stopDate: r.stop,
    sessions: r.sessions,
    modules,
    format:
      r.any_group && r.any_individual
        ? "mixed"
        : r.any_group
          ? "group"
          : r.any_individual
            ? "individual"
            : null,
  };
}
