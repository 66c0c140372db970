import { sql } from "kysely";
import type { Executor } from "../../infra/db/executor.ts";
import type { Histogram } from "./built-ins.ts";
import type { Counters } from "./counters.ts";
import { readHistograms, readSiteCounters, type SiteFilter } from "./read.ts";

/**
 * The catalogue's reads of the per-site facts, remembered per site under the site's facts
 * version (`indicator_site_versions`, bumped in the same transaction as every change of the
 * site's facts, by any server). After a write at one site, only that site's rows are read again;
 * with no write, only the versions are. Exact: an entry is used only when its site's version is
 * the one read now, so a stale figure cannot be served.
 *
 * Entries live in the process, per database handle (a test's or a benchmark's other database
 * never shares them), and never inside a transaction (it may see its own uncommitted facts).
 * A version read just before a concurrent commit may file the newer figures under the older
 * version; the next read then sees the newer version and reads that site again.
 */

interface Entry {
  version: number;
  /** The site's value; undefined when the site has no rows for the key. */
  value: unknown;
}

/** Bound on the entries per database: 60 sites × a few dates × programmes fits many times over. */
const MAX_ENTRIES = 50_000;
const caches = new WeakMap<object, Map<string, Entry>>();

function cacheOf(db: Executor): Map<string, Entry> | null {
  if (db.isTransaction) return null;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** Site id → its facts version, for the programme's sites that have one. */
async function readSiteVersions(db: Executor, programmeId: number): Promise<Map<number, number>> {
  const { rows } = await sql<{ site_id: number; version: string | number }>`
    select site_id, version from indicator_site_versions where programme_id = ${programmeId}`.execute(db);
  return new Map(rows.map((r) => [Number(r.site_id), Number(r.version)]));
}

/**
 * Per key, site → value: from the remembered entries where the site's version is unchanged, the
 * rest from `read` (given the sites to read) in one query.
 */
async function bySiteVersion<T>(
  db: Executor,
  kind: string,
  programmeId: number,
  keys: readonly string[],
  read: (only: SiteFilter) => Promise<Map<string, Map<number, T>>>,
): Promise<Map<string, Map<number, T>>> {
  const cache = cacheOf(db);
  if (!cache) return read(null);
  const versions = await readSiteVersions(db, programmeId);
  const entryKey = (site: number, key: string) => `${kind}:${programmeId}:${site}:${key}`;
  const stale = new Set<number>();
  for (const [site, version] of versions) {
    if (keys.some((k) => cache.get(entryKey(site, k))?.version !== version)) stale.add(site);
  }
  const fresh = stale.size ? await read({ sites: [...stale], known: [...versions.keys()] }) : new Map();
  if (cache.size + stale.size * keys.length > MAX_ENTRIES) cache.clear();
  const out = new Map<string, Map<number, T>>();
  for (const key of keys) {
    const sites = new Map<number, T>();
    const read = fresh.get(key) ?? new Map<number, T>();
    for (const [site, version] of versions) {
      if (stale.has(site)) {
        const value = read.get(site);
        cache.set(entryKey(site, key), { version, value });
        if (value !== undefined) sites.set(site, value);
      } else {
        const value = cache.get(entryKey(site, key))!.value as T | undefined;
        if (value !== undefined) sites.set(site, value);
      }
    }
    // sites without a version yet: read every time, never remembered
    for (const [site, value] of read) if (!versions.has(site)) sites.set(site, value);
    out.set(key, sites);
  }
  return out;
}

/** `readSiteCounters`, site by site under their facts versions (`fresh`: read everything). */
export function siteCounters(
  db: Executor,
  programmeId: number,
  asOfs: readonly string[],
  { fresh = false }: { fresh?: boolean } = {},
): Promise<Map<string, Map<number, Counters>>> {
  if (fresh) return readSiteCounters(db, programmeId, asOfs);
  return bySiteVersion(db, "counters", programmeId, [...new Set(asOfs)], (only) =>
    readSiteCounters(db, programmeId, asOfs, only),
  );
}

/** `readHistograms`, site by site under their facts versions (`fresh`: read everything). */
export function siteHistograms(
  db: Executor,
  programmeId: number,
  asOfs: readonly string[],
  { fresh = false }: { fresh?: boolean } = {},
): Promise<Map<string, Map<number, Histogram>>> {
  if (fresh) return readHistograms(db, programmeId, asOfs);
  return bySiteVersion(db, "histograms", programmeId, [...new Set(asOfs)], (only) =>
    readHistograms(db, programmeId, asOfs, only),
  );
}
