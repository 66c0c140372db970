import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { PlanningPages } from "./pages/planning.ts";
import { Shell } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * Sites start from the region (docs/planning.md): the template gives every site a copy of the
 * region's Theory of Change and action plan; a site edits its copy and the region's overview
 * shows it diverged; a newer region version can be taken; a site starts its situation analysis
 * from the region's when it chooses to — in English and in Italian.
 */
let w: World;
let coordApi: ApiClient;
let bpd: { id: number; lecco: number; siteCount: number };

beforeAll(async () => {
  w = await createWorld();
  const adminApi = await ApiClient.login(w.server.url, "admin", DEMO_PASSWORD);
  coordApi = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
  const list = (await adminApi.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  const id = list.find((p) => p.code === "BPD-LOM")!.id;
  const detail = (await adminApi.get(`/api/programmes/${id}`)).json as {
    sites: Array<{ siteId: number; code: string }>;
  };
  bpd = { id, lecco: detail.sites.find((s) => s.code === "LECCO")!.siteId, siteCount: detail.sites.length };
});
afterAll(async () => {
  await w?.close();
});

const planning = (path: string) => `/api/programmes/${bpd.id}/planning/${path}`;

describe("sites start from the region", () => {
  it("the template starts every site from the region's; a site edits its copy and the region sees it diverged", async () => {
    // The regional coordinator applies the template: the region's versions, and every site's copy
    const coordinator = await w.session();
    await new LoginPage(coordinator.page).signInAs("coordinator");
    const region = new PlanningPages(coordinator.page);
    await region.open(bpd.id, "BPD-LOM implementation plan");
    await coordinator.page.getByRole("button", { name: "Apply the template" }).click();
    await coordinator.page
      .getByText(`${bpd.siteCount} sites start from the region's Theory of Change`)
      .waitFor();
    await coordinator.page.getByText(`${bpd.siteCount} sites start from the region's Action plan`).waitFor();
    const matrix = coordinator.page.getByRole("table", { name: "Artefacts of the region and of each site" });
    const leccoRow = matrix
      .getByRole("row")
      .filter({ has: coordinator.page.getByRole("rowheader", { name: /^LECCO/ }) });
    await expect
      .poll(() => matrix.getByRole("link", { name: /: Theory of Change, LECCO$/ }).textContent())
      .toBe("version 1");
    expect(await leccoRow.textContent()).toContain("follows the region (v1)");
    expect(await seriousViolations(coordinator.page)).toEqual([]);

    // The Lecco coordinator opens the site's Theory of Change: the region's, ready to adapt
    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    const p = new PlanningPages(page);
    await p.open(bpd.id, /^Theory of Change · LECCO/, "toc", bpd.lecco);
    const panel = page.getByTestId("region-link");
    await panel.getByText("This is a copy of the region's version 1, not changed here since.").waitFor();
    await p.addBox("Input", "Peer support workers from the family association");
    expect(await p.save()).toBe(2);
    await panel
      .getByText(
        /^This started as a copy of the region's version 1 and was edited here since \(1 change\)\.$/,
      )
      .waitFor();
    await panel.getByRole("button", { name: "See the changes made here" }).click();
    const changes = panel.getByRole("table", { name: "Changes" });
    await changes.getByRole("row").filter({ hasText: "Peer support workers" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "sitesfromregion-toc-edited", true);

    // The region's overview shows Lecco's Theory of Change as edited locally
    await region.open(bpd.id, "BPD-LOM implementation plan");
    await expect.poll(() => leccoRow.textContent()).toContain("edited locally (from v1)");

    // The region saves a newer version: the overview says so, and Lecco takes it
    const current = (await coordApi.get(planning("toc/region"))).json as {
      version: number;
      content: { nodes: unknown[]; edges: unknown[] };
    };
    const saved = await coordApi.request("PUT", planning("toc/region"), {
      baseVersion: current.version,
      nodes: [
        ...current.content.nodes,
        { id: "risk-turnover", type: "risk", text: "Staff turnover in the teams", indicatorIds: [] },
      ],
      edges: current.content.edges,
    });
    expect(saved.status).toBe(200);
    await coordinator.page.reload();
    await expect.poll(() => leccoRow.textContent()).toContain("the region has v2");
    await screenshot(coordinator.page, "sitesfromregion-overview", true);

    await page.reload();
    await panel.getByText("The region has saved version 2 since.").waitFor();
    await panel.getByRole("button", { name: /^See what the region changed/ }).click();
    await panel
      .getByRole("table", { name: "Changes" })
      .getByText(/Staff turnover/)
      .first()
      .waitFor();
    await panel.getByRole("button", { name: "Take the region's version 2" }).click();
    const dialog = page.getByRole("dialog", { name: "Take the region's version 2?" });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Take the region's version 2" }).click();
    await page.getByText("The region's version 2 is now this site's version 3").waitFor();
    await panel.getByText("This is a copy of the region's version 2, not changed here since.").waitFor();
    await region.open(bpd.id, "BPD-LOM implementation plan");
    await expect.poll(() => leccoRow.textContent()).toContain("follows the region (v2)");
  });

  it("in Italian: a site starts its situation analysis from the region's, edits it, and the region sees it diverged", async () => {
    const saved = await coordApi.request("PUT", planning("sana/region"), {
      baseVersion: 0,
      values: [
        { indicatorId: "wf-psychiatrists", value: 8.2, source: "Regional HR register", year: 2025, note: "" },
      ],
    });
    expect(saved.status).toBe(200);

    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    await new Shell(page).switchLanguage("Lecco implementation team coordinator", "Italiano");
    const p = new PlanningPages(page);
    await p.open(bpd.id, /^Analisi di contesto · LECCO/, "sana", bpd.lecco);
    const panel = page.getByTestId("region-link");
    await panel
      .getByText(
        "Questa sede non ha ancora iniziato «Analisi di contesto». La regione ha la versione 1: parti da una sua copia e adattala qui.",
      )
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await panel.getByRole("button", { name: "Parti dalla versione 1 della regione" }).click();
    await page.getByText("La versione 1 della regione è ora la versione 1 della sede").waitFor();
    const value = page.getByLabel("Valore di Psychiatrists", { exact: true });
    await expect.poll(() => value.inputValue()).toBe("8.2");
    await value.fill("9.5");
    await page.getByRole("button", { name: "Salva come versione 2" }).click();
    await page.getByText("Versione 2 salvata").first().waitFor();
    await panel
      .getByText(/^È partito come copia della versione 1 della regione ed è stato modificato qui/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "sitesfromregion-sana-it", true);

    const coordinator = await w.session();
    await new LoginPage(coordinator.page).signInAs("coordinator");
    await new Shell(coordinator.page).switchLanguage("Regional Implementation Group", "Italiano");
    await new PlanningPages(coordinator.page).open(bpd.id, "Piano di implementazione BPD-LOM");
    const matrix = coordinator.page.getByRole("table", { name: "Documenti della regione e di ogni sede" });
    const leccoRow = matrix
      .getByRole("row")
      .filter({ has: coordinator.page.getByRole("rowheader", { name: /^LECCO/ }) });
    await expect.poll(() => leccoRow.textContent()).toContain("modificato localmente (da v1)");
    expect(await leccoRow.textContent()).toContain("segue la regione (v2)");
    expect(await seriousViolations(coordinator.page)).toEqual([]);
    await screenshot(coordinator.page, "sitesfromregion-overview-it", true);
  });
});
