import { sql } from "kysely";
import type { z } from "zod";
import type { ProgrammeWithSites } from "../core/programme-scope.ts";
import type { Executor } from "../infra/db/executor.ts";
import type { SiteStatusList, StatusChange } from "./schemas.ts";
import { currentOf } from "./transitions.ts";

type Change = z.infer<typeof StatusChange>;

interface Row {
  site_id: number;
  version: number;
  status: Change["status"];
  effective_date: string;
  reason: Change["reason"];
  note: string;
  changed_by_name: string;
  created_at: Date | string;
}

const toChange = (r: Row): Change => ({
  version: r.version,
  status: r.status,
  effectiveDate: r.effective_date,
  reason: r.reason,
  note: r.note,
  changedBy: r.changed_by_name,
  recordedAt: new Date(r.created_at).toISOString(),
});

/** Every status change of the programme's sites, in one query, grouped by site. */
export async function statusHistories(db: Executor, programmeId: number): Promise<Map<number, Change[]>> {
  const { rows } = await sql<Row>`
    select site_id, version, status, effective_date, reason, note, changed_by_name, created_at
    from site_status_changes
    where programme_id = ${programmeId}
    order by site_id, effective_date desc, version desc`.execute(db);
  const out = new Map<number, Change[]>();
  for (const r of rows) {
    const list = out.get(r.site_id) ?? [];
    list.push(toChange(r));
    out.set(r.site_id, list);
  }
  return out;
}

/** The programme's sites with their current status and history; `canChange(siteId)` per site. */
export async function listSiteStatus(
  db: Executor,
  programme: ProgrammeWithSites,
  canChange: (siteId: number) => boolean,
): Promise<SiteStatusList> {
  const histories = await statusHistories(db, programme.id);
  return {
    programmeId: programme.id,
    sites: programme.sites.map((s) => {
      const history = histories.get(s.id) ?? [];
      return {
        siteId: s.id,
        siteCode: s.code,
        siteName: s.name,
        current: currentOf(history),
        history,
        version: history.reduce((n, h) => Math.max(n, h.version), 0),
        canChange: canChange(s.id),
      };
    }),
  };
}
