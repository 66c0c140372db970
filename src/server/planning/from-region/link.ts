/**
 * Where a site's artefact stands towards the region's, as a pure function of a few facts:
 *
 * - `not_started`: the site has no version (it may start from the region's, when there is one);
 * - `own`: the site's versions were all saved by people, none copied from the region;
 * - `follows`: the site's current content is still the copy it started from;
 * - `edited`: the site changed its copy (it diverged from the region).
 *
 * `startedFrom` is the region version of the site's latest copy, and `regionNewer` says that the
 * region has saved a version after it (for a site not started: that there is one to start from).
 */
export const LINK_STATUSES = ["not_started", "own", "follows", "edited"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export interface LinkFacts {
  /** The site's current version; 0 when it has none. */
  siteVersion: number;
  /** The site's latest version copied from the region, if any. */
  copy: {
    /** The region version it copies. */
    regionVersion: number;
    /** Whether the site's current content is that copy's content. */
    sameContent: boolean;
  } | null;
  /** The region's current version; 0 when it has none. */
  regionVersion: number;
}

export interface RegionLink {
  status: LinkStatus;
  startedFrom: number | null;
  regionVersion: number;
  regionNewer: boolean;
}

export function regionLink(f: LinkFacts): RegionLink {
  if (f.siteVersion === 0)
    return {
      status: "not_started",
      startedFrom: null,
      regionVersion: f.regionVersion,
      regionNewer: f.regionVersion > 0,
    };
  if (!f.copy)
    return { status: "own", startedFrom: null, regionVersion: f.regionVersion, regionNewer: false };
  return {
    status: f.copy.sameContent ? "follows" : "edited",
    startedFrom: f.copy.regionVersion,
    regionVersion: f.regionVersion,
    regionNewer: f.regionVersion > f.copy.regionVersion,
  };
}
