import { describe, expect, it } from "vitest";
import { principalWith as principal } from "../../../../tests/support/principal.ts";
import {
  canEditProgramme,
  canManageSite,
  canReadProgramme,
  canReadSiteData,
  readableSites,
} from "./roles.ts";

const admin = principal([{ role: "administrator", programmeId: null, siteId: null }]);
const coordinatorP1 = principal([{ role: "regional_coordinator", programmeId: 1, siteId: null }], [10, 11]);
const siteCoord10 = principal([{ role: "site_coordinator", programmeId: null, siteId: 10 }]);
const clinician12 = principal([{ role: "clinician", programmeId: null, siteId: 12 }]);
const viewerAll = principal([{ role: "viewer", programmeId: null, siteId: null }]);
const viewerP2 = principal([{ role: "viewer", programmeId: 2, siteId: null }]);

const p1 = { id: 1, siteIds: [10, 11] };
const p2 = { id: 2, siteIds: [12] };

describe("access rules", () => {
  it.each([
    ["admin", admin, 10, true, true],
    ["regional coordinator, own programme's site", coordinatorP1, 11, true, true],
    ["regional coordinator, other site", coordinatorP1, 12, false, false],
    ["site coordinator, own site", siteCoord10, 10, true, true],
    ["site coordinator, other site", siteCoord10, 11, false, false],
    ["clinician, own site", clinician12, 12, true, false],
    ["clinician, other site", clinician12, 10, false, false],
    ["viewer", viewerAll, 10, false, false],
  ])("%s: read site data / manage site", (_n, p, site, read, manage) => {
    expect(canReadSiteData(p, site)).toBe(read);
    expect(canManageSite(p, site)).toBe(manage);
  });

  it.each([
    ["admin", admin, p1, true, true],
    ["coordinator of p1", coordinatorP1, p1, true, true],
    ["coordinator of p1 on p2", coordinatorP1, p2, false, false],
    ["site coordinator of a p1 site", siteCoord10, p1, true, false],
    ["clinician of a p2 site on p1", clinician12, p1, false, false],
    ["viewer of all", viewerAll, p1, true, false],
    ["viewer of p2 on p1", viewerP2, p1, false, false],
    ["viewer of p2 on p2", viewerP2, p2, true, false],
  ])("%s: read / edit programme", (_n, p, prog, read, edit) => {
    expect(canReadProgramme(p, prog)).toBe(read);
    expect(canEditProgramme(p, prog.id)).toBe(edit);
  });

  it("gives viewers no site-level data at all", () => {
    expect(readableSites(viewerAll)).toEqual(new Set());
    expect(readableSites(admin)).toBe("all");
  });
});
