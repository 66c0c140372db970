import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { PlanningPages } from "./pages/planning.ts";
import { Shell } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

let w: World;
let adminApi: ApiClient;
/** The demo programme of the Lombardy pilot, with its sites by code. */
let bpd: { id: number; code: string; sites: Map<string, number>; siteCount: number };

beforeAll(async () => {
  w = await createWorld();
  adminApi = await ApiClient.login(w.server.url, "admin", DEMO_PASSWORD);
  const list = (await adminApi.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  const id = list.find((p) => p.code === "BPD-LOM")!.id;
  const detail = (await adminApi.get(`/api/programmes/${id}`)).json as {
    sites: Array<{ siteId: number; code: string }>;
  };
  bpd = {
    id,
    code: "BPD-LOM",
    sites: new Map(detail.sites.map((s) => [s.code, s.siteId])),
    siteCount: detail.sites.length,
  };
});
afterAll(async () => {
  await w?.close();
});

const planning = (path: string) => `/api/programmes/${bpd.id}/planning/${path}`;

describe("the implementation planning toolkit", () => {
  it("a regional coordinator starts the programme's plan from the ImpleMENTAL template", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const p = new PlanningPages(page);

    await new Shell(page).go("BPD-LOM planning");
    await page.getByRole("heading", { level: 1, name: "BPD-LOM implementation plan" }).waitFor();
    const matrix = page.getByRole("table", { name: "Artefacts of the region and of each site" });
    await expect
      .poll(() => matrix.getByRole("link", { name: "Theory of Change · Region" }).textContent())
      .toBe("not started");

    await page.getByRole("button", { name: "Apply the template" }).click();
    await page.getByText(/^ImpleMENTAL.*: 5 parts applied$/).waitFor();
    await expect
      .poll(() => matrix.getByRole("link", { name: "Theory of Change · Region" }).textContent())
      .toBe("version 1");
    await expect
      .poll(() => matrix.getByRole("link", { name: "Action plan · Region" }).textContent())
      .toBe("version 1");
    expect(await seriousViolations(page)).toEqual([]);

    // Applying it again without "replace" is refused with the server's reason, and nothing changes
    await page.getByRole("button", { name: "Apply the template" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: /already/i })
      .waitFor();
    await p.open(bpd.id, "BPD-LOM implementation plan");
    expect(await matrix.getByRole("link", { name: "Theory of Change · Region" }).textContent()).toBe(
      "version 1",
    );
  });

  it("a site coordinator fills the local SWOT with tags and the regional common-factor view follows", async () => {
    // Given another site (BRIANZA) already named staff shortage among its weaknesses
    const brianza = bpd.sites.get("BRIANZA")!;
    const seeded = await adminApi.request("PUT", planning(`swot/sites/${brianza}`), {
      baseVersion: 0,
      items: [
        { quadrant: "weakness", text: "Two psychologists on fixed-term contracts", tags: ["staff-shortage"] },
      ],
    });
    expect(seeded.status).toBe(200);

    const coordinator = await w.session();
    await new LoginPage(coordinator.page).signInAs("coordinator");
    const region = new PlanningPages(coordinator.page);
    await region.open(bpd.id, "Common factors", "swot-common-factors");
    const shortage = region.commonFactor("Staff shortage", "Weaknesses");
    expect(await shortage.getByTestId("site-count").textContent()).toBe(`1 of ${bpd.siteCount} sites`);
    expect(await region.commonFactor("Family associations", "Strengths").count()).toBe(0);

    // When the Lecco coordinator fills in Lecco's SWOT with tags
    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    const p = new PlanningPages(page);
    const lecco = bpd.sites.get("LECCO")!;
    // (the regional SWOT is theirs to read, not to change)
    await p.open(bpd.id, /^SWOT analysis · Region/, "swot", "region");
    await page.getByText("Read only").waitFor();
    expect(await page.getByRole("button", { name: /^Add to/ }).count()).toBe(0);

    await p.open(bpd.id, /^SWOT analysis · LECCO/, "swot", lecco);
    await p.addSwotItem("Weaknesses", "Two nurses left in spring and were not replaced", ["Staff shortage"]);
    await p.addSwotItem("Strengths", "The family association meets the team every month", [
      "Family associations",
    ]);
    await p.addSwotItem("Threats", "Stigma keeps young patients away from the CMHC", ["Stigma"]);
    await page.getByText("Unsaved changes").waitFor();
    expect(await p.quadrant("Weaknesses").getByText("Staff shortage").count()).toBe(1);
    expect(await p.save()).toBe(1);
    await screenshot(page, "planning-swot", true);

    // Then the regional view counts Lecco with Brianza, and names the sites
    await coordinator.page.reload();
    await coordinator.page.getByRole("table", { name: "Common factors" }).waitFor();
    await expect
      .poll(() => shortage.getByTestId("site-count").textContent())
      .toBe(`2 of ${bpd.siteCount} sites`);
    expect(await shortage.getByText("LECCO", { exact: true }).count()).toBe(1);
    expect(await shortage.getByText("BRIANZA", { exact: true }).count()).toBe(1);
    const family = region.commonFactor("Family associations", "Strengths");
    expect(await family.getByTestId("site-count").textContent()).toBe(`1 of ${bpd.siteCount} sites`);
    // and filtering by quadrant keeps only that quadrant's factors
    await coordinator.page
      .getByRole("radiogroup", { name: "Quadrant" })
      .getByText("Threats", { exact: true })
      .click();
    await expect.poll(() => region.commonFactor("Staff shortage", "Weaknesses").count()).toBe(0);
    expect(await region.commonFactor("Stigma", "Threats").count()).toBe(1);
    await screenshot(coordinator.page, "planning-common-factors", true);
  });
});
