import { describe, expect, it } from "vitest";
import { principalWith as principal } from "../../../../tests/support/principal.ts";
import { canReadRegion, coordinatesRegion, type GrantRegions, readableRegions } from "./regions.ts";

// sites 1, 2 in region 10; site 3 in region 20; programme 100 in region 10, 200 in region 20
const regions: GrantRegions = {
  siteRegion: new Map([
    [1, 10],
    [2, 10],
    [3, 20],
  ]),
  programmeRegion: new Map([
    [100, 10],
    [200, 20],
  ]),
};

const admin = principal([{ role: "administrator", programmeId: null, siteId: null }]);
const coord10 = principal([{ role: "regional_coordinator", programmeId: 100, siteId: null }]);
const siteCoord3 = principal([{ role: "site_coordinator", programmeId: null, siteId: 3 }]);
const clinician1 = principal([{ role: "clinician", programmeId: null, siteId: 1 }]);
const globalViewer = principal([{ role: "viewer", programmeId: null, siteId: null }]);
const viewer200 = principal([{ role: "viewer", programmeId: 200, siteId: null }]);
const nobody = principal([]);

describe("region-scoped access (directory, protocols)", () => {
  it.each([
    ["administrator", admin, 10, true, true],
    ["administrator", admin, 20, true, true],
    ["coordinator of a programme in region 10", coord10, 10, true, true],
    ["coordinator of a programme in region 10", coord10, 20, false, false],
    ["site coordinator of a site in region 20", siteCoord3, 20, true, false],
    ["site coordinator of a site in region 20", siteCoord3, 10, false, false],
    ["clinician of a site in region 10", clinician1, 10, true, false],
    ["clinician of a site in region 10", clinician1, 20, false, false],
    ["global viewer", globalViewer, 20, true, false],
    ["viewer of a programme in region 20", viewer200, 20, true, false],
    ["viewer of a programme in region 20", viewer200, 10, false, false],
    ["user without grants", nobody, 10, false, false],
  ])("%s, region %i: read %s, coordinate %s", (_what, p, region, read, write) => {
    expect(canReadRegion(p, region, regions)).toBe(read);
    expect(coordinatesRegion(p, region, regions)).toBe(write);
  });

  it("lists the readable regions", () => {
    expect(readableRegions(admin, regions)).toBe("all");
    expect([...(readableRegions(coord10, regions) as Set<number>)]).toEqual([10]);
    expect(readableRegions(nobody, regions)).toEqual(new Set());
  });
});
