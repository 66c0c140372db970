import { describe, expect, it } from "vitest";
import { type LinkFacts, type RegionLink, regionLink } from "./link.ts";

const copy = (regionVersion: number, sameContent: boolean) => ({ regionVersion, sameContent });

describe("regionLink", () => {
  const cases: Array<[string, LinkFacts, RegionLink]> = [
    [
      "nothing anywhere",
      { siteVersion: 0, copy: null, regionVersion: 0 },
      { status: "not_started", startedFrom: null, regionVersion: 0, regionNewer: false },
    ],
    [
      "the site has not started, the region has a version to start from",
      { siteVersion: 0, copy: null, regionVersion: 2 },
      { status: "not_started", startedFrom: null, regionVersion: 2, regionNewer: true },
    ],
    [
      "an untouched copy of the region's current version",
      { siteVersion: 1, copy: copy(3, true), regionVersion: 3 },
      { status: "follows", startedFrom: 3, regionVersion: 3, regionNewer: false },
    ],
    [
      "an untouched copy of an older region version",
      { siteVersion: 1, copy: copy(1, true), regionVersion: 2 },
      { status: "follows", startedFrom: 1, regionVersion: 2, regionNewer: true },
    ],
    [
      "a copy edited locally, the region unchanged since",
      { siteVersion: 2, copy: copy(2, false), regionVersion: 2 },
      { status: "edited", startedFrom: 2, regionVersion: 2, regionNewer: false },
    ],
    [
      "a copy edited locally, and the region saved again since",
      { siteVersion: 4, copy: copy(1, false), regionVersion: 3 },
      { status: "edited", startedFrom: 1, regionVersion: 3, regionNewer: true },
    ],
    [
      "saved again without a change: still follows (content decides, not version numbers)",
      { siteVersion: 3, copy: copy(2, true), regionVersion: 2 },
      { status: "follows", startedFrom: 2, regionVersion: 2, regionNewer: false },
    ],
    [
      "a site that planned on its own before the region",
      { siteVersion: 2, copy: null, regionVersion: 1 },
      { status: "own", startedFrom: null, regionVersion: 1, regionNewer: false },
    ],
    [
      "a site that took the region's newer version after editing: follows it again",
      { siteVersion: 5, copy: copy(4, true), regionVersion: 4 },
      { status: "follows", startedFrom: 4, regionVersion: 4, regionNewer: false },
    ],
  ];
  it.each(cases)("%s", (_name, facts, expected) => {
    expect(regionLink(facts)).toEqual(expected);
  });
});
