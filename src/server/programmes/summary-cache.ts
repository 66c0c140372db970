import type { AppContext } from "../context.ts";
import { TableCache } from "../infra/db/table-cache.ts";
import { listProgrammeSummaries, type ProgrammeSummaryRow } from "./repository.ts";

/** The tables a programme summary reads (each notifies on change: migration 0012). */
const TABLES = new Set(["programmes", "programme_sites", "programme_phases", "practices"]);

export type SummaryList = (
  req: { arrivedAt: number },
  today: string,
) => Promise<readonly ProgrammeSummaryRow[]>;

/**
 * The programme list — read on every page of the web app, changed a few times a year — kept in
 * memory per process and per day (the current phase depends on it), emptied by any change to its
 * tables on any server. Rows are frozen: every request shares them.
 */
export function programmeSummaries({ database, changes }: AppContext): SummaryList {
  const load = async (today: string) => {
    const rows = await listProgrammeSummaries(database.db, today);
    for (const r of rows) {
      Object.freeze(r.practice);
      Object.freeze(r.siteIds);
      Object.freeze(r);
    }
    return Object.freeze(rows);
  };
  if (!changes) return (_req, today) => load(today);
  const cache = new TableCache<readonly ProgrammeSummaryRow[]>(changes, TABLES);
  changes.subscribe("data", cache);
  return (req, today) => cache.get(today, req.arrivedAt, () => load(today));
}
