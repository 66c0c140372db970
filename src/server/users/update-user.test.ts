import { describe, expect, it } from "vitest";
import { losesAdministrator } from "./update-user.ts";

const admin = { role: "administrator", programmeId: null, siteId: null } as const;
const coordinator = { role: "regional_coordinator", programmeId: 1, siteId: null } as const;

describe("losesAdministrator", () => {
  it("is true when an administrator is deactivated or given grants without the role", () => {
    expect(losesAdministrator({ grants: [admin] }, { active: false })).toBe(true);
    expect(losesAdministrator({ grants: [admin] }, { grants: [coordinator] })).toBe(true);
  });
  it("is false when the role stays, the grants are not sent, or the user never had it", () => {
    expect(losesAdministrator({ grants: [admin] }, { grants: [admin, coordinator] })).toBe(false);
    expect(losesAdministrator({ grants: [admin] }, {})).toBe(false);
    expect(losesAdministrator({ grants: [coordinator] }, { active: false })).toBe(false);
  });
});
