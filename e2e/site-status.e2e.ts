import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, settle } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { choose, isoDaysFromToday, typeDate } from "./pages/registry.ts";
import { errorOf } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * Issue 13, part 4: the demo's regional coordinator marks a site of BPD-LOM as stopped for staff
 * turnover — first without a reason (refused next to the field), then with one — and finds it in
 * the sites' status table and in the region's funnel; a change recorded meanwhile by someone else
 * shows the stale-version alert. axe checks the page with the new cards.
 */
let w: World;
let api: ApiClient;
let programme: { id: number; code: string; sites: Array<{ siteId: number; code: string }> };
beforeAll(async () => {
  w = await createWorld();
  api = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
  const list = (await api.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  const id = list.find((p) => p.code === "BPD-LOM")!.id;
  programme = (await api.get(`/api/programmes/${id}`)).json as typeof programme;
});
afterAll(async () => {
  await w?.close();
});

const rowOf = (scope: Locator, site: string) => scope.locator(`tr[data-site="${site}"]`);

describe("sites' implementation status", () => {
  it("a coordinator stops a site for staff turnover and sees it in the table and the funnel", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    await page.goto(`${w.server.url}/programmes/${programme.id}`);
    await settle(page, new RegExp(`^${programme.code}`));
    const card = page
      .locator("div")
      .filter({ has: page.getByRole("heading", { name: "Sites' implementation status" }) })
      .last();
    const site = programme.sites[0]!.code;
    const row = rowOf(card, site);
    await row.getByText("Not recorded").waitFor();

    const funnel = page.locator('tr[data-stage="pausedOrStopped"]');
    const before = (await funnel.locator("td").nth(1).textContent()) ?? "";

    await row.getByRole("button", { name: `Change the status of ${site}` }).click();
    const modal = page.getByRole("dialog", { name: `Change the status of ${site}` });
    await choose(modal, "Status", "Stopped");
    await typeDate(modal, "Effective date", isoDaysFromToday(-3));
    await modal.getByLabel(/^Note/).fill("Three of the four trained professionals left the service");
    await modal.getByRole("button", { name: "Save" }).click();
    // no reason: refused next to the field, nothing stored
    await page.waitForFunction(
      () => document.querySelector('[role="dialog"] input[aria-invalid="true"]') !== null,
    );
    expect(await errorOf(modal.locator("input").and(modal.getByLabel(/^Reason/)))).toMatch(/required/i);
    await screenshot(page, "site-status-modal-error");

    await choose(modal, "Reason", "Staff turnover");
    await modal.getByRole("button", { name: "Save" }).click();
    await modal.waitFor({ state: "hidden" });
    await row.getByText("Stopped").waitFor();
    await row.getByText("Staff turnover").waitFor();
    await row.getByText("coordinator").waitFor();

    const flagged = page.locator(`tr[data-funnel-site="${site}"]`);
    await flagged.getByText("Paused or stopped").first().waitFor();
    const after = (await funnel.locator("td").nth(1).textContent()) ?? "";
    expect(Number.parseInt(after, 10)).toBe(Number.parseInt(before, 10) + 1);
    await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0);
    await screenshot(page, "site-status-table", true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows the stale alert when someone else changed the site meanwhile", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    await page.goto(`${w.server.url}/programmes/${programme.id}`);
    await settle(page, new RegExp(`^${programme.code}`));
    const site = programme.sites[1]!;
    await page.getByRole("button", { name: `Change the status of ${site.code}` }).click();
    const modal = page.getByRole("dialog", { name: `Change the status of ${site.code}` });
    const meanwhile = await api.post(`/api/programmes/${programme.id}/sites/${site.siteId}/status`, {
      status: "preparing",
      effectiveDate: isoDaysFromToday(-10),
      baseVersion: 0,
    });
    expect(meanwhile.status).toBe(201);
    await choose(modal, "Status", "Active");
    await modal.getByRole("button", { name: "Save" }).click();
    await modal.getByText("Someone else saved a newer version").waitFor();
    await modal.getByRole("button", { name: "Load the latest version" }).click();
    await modal.getByText("Current status: Preparing").waitFor();
    await modal.getByRole("button", { name: "Save" }).click();
    await modal.waitFor({ state: "hidden" });
    await rowOf(page.locator("body"), site.code).getByText("Active").waitFor();
  });
});
