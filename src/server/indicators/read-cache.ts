import type { AppContext } from "../context.ts";
import { Memo } from "./memo.ts";
import { loadView, type ProgrammeView } from "./programme-view.ts";
import { valuesWithTargets } from "./read/with-targets.ts";
import { programmeVersions } from "./versions.ts";

type Request = { arrivedAt: number };
type WithTargets = NonNullable<Awaited<ReturnType<typeof valuesWithTargets>>>;

export type IndicatorCache = ReturnType<typeof createCache>;

/**
 * One server's indicator memos — programme views, finished API responses and the values with
 * targets the home page reads — kept under the programme's data_version (versions.ts: in memory,
 * emptied by the change notification every bump sends), so no entry outlives the data it was
 * computed from. One per application context: the indicators API and the home page share it.
 */
const caches = new WeakMap<AppContext, IndicatorCache>();

export function indicatorCache(ctx: AppContext): IndicatorCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = createCache(ctx);
    caches.set(ctx, cache);
  }
  return cache;
}

function createCache({ database: { db }, changes }: AppContext) {
  const versionOf = programmeVersions(db, changes);
  const views = new Memo<ProgrammeView>(64);
  const responses = new Memo<Buffer>(256);
  const targets = new Memo<WithTargets>(256);

  /** The programme's view at its current data version and the key it is kept under; undefined for an unknown programme. */
  async function view(req: Request, programmeId: number) {
    const version = await versionOf(req, programmeId);
    if (version === undefined) return undefined;
    const viewKey = `${programmeId}|${version}`;
    let found = views.get(viewKey);
    if (!found) {
      found = await loadView(db, programmeId, version);
      if (!found) return undefined;
      views.set(viewKey, found);
    }
    return { view: found, viewKey };
  }

  /**
   * valuesWithTargets (read/with-targets.ts) through the memos: computed once per programme data
   * version, day and reader class. The result is shared between requests: read it, never change it.
   */
  async function cachedValuesWithTargets(req: Request, programmeId: number, asOf: string, suppress: boolean) {
    const found = await view(req, programmeId);
    if (!found) return undefined;
    const key = `${found.viewKey}|${suppress ? "v" : "f"}|${asOf}`;
    let read = targets.get(key);
    if (!read) {
      read = await valuesWithTargets(db, found.view, asOf, suppress);
      targets.set(key, read);
    }
    return read;
  }

  return { view, responses, valuesWithTargets: cachedValuesWithTargets };
}
