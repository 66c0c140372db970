import { describe, expect, it } from "vitest";
import type { Principal } from "../infra/auth/principal.ts";
import { canChangeSiteStatus, canReadRegionFunnel } from "./access.ts";

const programme = { id: 1, code: "P", regionId: 10, siteIds: [100, 101] };
const principal = (grants: Principal["grants"]): Principal =>
  ({ userId: 1, username: "u", grants, coordinatedSiteIds: [] }) as unknown as Principal;
const g = (role: string, programmeId: number | null, siteId: number | null) =>
  ({ id: 1, role, programmeId, siteId }) as Principal["grants"][number];

describe("canChangeSiteStatus", () => {
  it.each<[string, Principal, number, number[], boolean]>([
    ["administrator", principal([g("administrator", null, null)]), 100, [], true],
    ["coordinator of this programme", principal([g("regional_coordinator", 1, null)]), 100, [10], true],
    [
      "coordinator of another programme of the region",
      principal([g("regional_coordinator", 2, null)]),
      101,
      [10],
      true,
    ],
    ["coordinator of another region", principal([g("regional_coordinator", 3, null)]), 100, [11], false],
    ["site coordinator of this site", principal([g("site_coordinator", null, 100)]), 100, [], true],
    ["site coordinator of the other site", principal([g("site_coordinator", null, 101)]), 100, [], false],
    [
      "site coordinator of a site outside the programme",
      principal([g("site_coordinator", null, 200)]),
      200,
      [],
      false,
    ],
    ["clinician of this site", principal([g("clinician", null, 100)]), 100, [], false],
    ["viewer", principal([g("viewer", null, null)]), 100, [], false],
  ])("%s → %s", (_, p, siteId, regions, expected) => {
    expect(canChangeSiteStatus(p, programme, siteId, regions)).toBe(expected);
  });
});

describe("canReadRegionFunnel", () => {
  it.each<[string, Principal, number[], boolean]>([
    ["administrator", principal([g("administrator", null, null)]), [], true],
    ["coordinator of the region", principal([g("regional_coordinator", 1, null)]), [10], true],
    ["coordinator of another region", principal([g("regional_coordinator", 3, null)]), [11], false],
    ["site coordinator", principal([g("site_coordinator", null, 100)]), [], false],
    ["viewer", principal([g("viewer", null, null)]), [], false],
  ])("%s → %s", (_, p, regions, expected) => {
    expect(canReadRegionFunnel(p, programme, regions)).toBe(expected);
  });
});
