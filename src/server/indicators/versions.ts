import type { ChangeFeed } from "../infra/db/change-feed.ts";
import type { Db } from "../infra/db/database.ts";
import { TableCache } from "../infra/db/table-cache.ts";
import { programmeVersion } from "./service.ts";

/** The tables a programme's data version is read from (each notifies on change: migrations 0012, 0020). */
const TABLES = new Set(["indicator_data_versions", "programmes"]);

export type VersionOf = (req: { arrivedAt: number }, programmeId: number) => Promise<number | undefined>;

/**
 * A programme's data version — the key under which its views and responses are memoized — kept in
 * memory per process, emptied by any change of the versions table on any server (a write's bump
 * notifies at commit; the change feed's barrier makes the next request see it). A cached
 * dashboard read then costs no query at all. Without a change feed (some tests, tools) or while
 * the feed is down, the version is read from the database on every request, as before.
 */
export function programmeVersions(db: Db, changes: ChangeFeed | undefined): VersionOf {
  if (!changes) return (_req, id) => programmeVersion(db, id);
  const cache = new TableCache<number | undefined>(changes, TABLES, 1024);
  changes.subscribe("data", cache);
  return (req, id) => cache.get(String(id), req.arrivedAt, () => programmeVersion(db, id));
}
