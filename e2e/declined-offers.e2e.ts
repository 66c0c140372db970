import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, settle } from "./pages/axe.ts";
import { DashboardPage } from "./pages/dashboard-page.ts";
import { LoginPage } from "./pages/login-page.ts";
import { choose, isoDaysFromToday, typeDate } from "./pages/registry.ts";
import { labelled } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/** LECCO, where the demo clinician works. */
const LECCO = 6;

/**
 * Issue 13, part 5: the demo clinician records on a patient's page that BPD-LOM was offered and
 * declined for practical barriers; LECCO's uptake in the programme's site table takes it in.
 */
let w: World;
let clinician: ApiClient;
let coordinator: ApiClient;
let programmeId: number;
beforeAll(async () => {
  w = await createWorld();
  clinician = await ApiClient.login(w.server.url, "clinician", DEMO_PASSWORD);
  coordinator = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
  const list = (await clinician.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  programmeId = list.find((p) => p.code === "BPD-LOM")!.id;
});
afterAll(async () => {
  await w?.close();
});

const leccoUptake = async () => {
  const u = (await coordinator.get(`/api/programmes/${programmeId}/uptake`)).json as {
    sites: Array<{ siteId: number; enrolled: number; declined: number }>;
  };
  return u.sites.find((s) => s.siteId === LECCO)!;
};

describe("offered and declined", () => {
  it("a clinician records a declined offer and LECCO's uptake changes", async () => {
    const res = await clinician.post("/api/patients", {
      siteId: LECCO,
      code: "E2E-DECL-0001",
      birthYear: 2000,
      sex: "F",
    });
    expect(res.status).toBe(201);
    const patientId = (res.json as { id: number }).id;
    const before = await leccoUptake();

    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    await page.goto(`${w.server.url}/programmes/${programmeId}`);
    await settle(page, /^BPD-LOM/);
    const cell = page.locator('tr[data-site="LECCO"] td[data-uptake]');
    const beforeText = await cell.textContent();
    expect(beforeText).toContain(`${before.enrolled} of ${before.enrolled + before.declined}`);

    const clin = await w.session();
    await new LoginPage(clin.page).signInAs("clinician");
    await clin.page.goto(`${w.server.url}/patients/${patientId}`);
    await settle(clin.page, /E2E-DECL-0001/);
    await clin.page.getByText("No declined offer recorded.").waitFor();
    await clin.page.getByRole("button", { name: "Offered, declined" }).click();
    const modal = clin.page.getByRole("dialog", { name: "E2E-DECL-0001: offered and declined" });
    await choose(modal, "Programme", /^BPD-LOM/);
    await typeDate(modal, "Date offered", isoDaysFromToday(-2));
    await choose(modal, "Reason", "Practical barriers");
    await screenshot(clin.page, "declined-offer-modal");
    await modal.getByRole("button", { name: "Save" }).click();
    await modal.waitFor({ state: "hidden" });
    const section = clin.page.locator('section[aria-labelledby="declined-title"]');
    await section.getByRole("cell", { name: "Practical barriers" }).waitFor();
    await clin.page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0);
    await screenshot(clin.page, "declined-offer-section", true);
    expect(await seriousViolations(clin.page)).toEqual([]);

    const after = await leccoUptake();
    expect(after.declined).toBe(before.declined + 1);
    await page.reload();
    await settle(page, /^BPD-LOM/);
    await cell.getByText(`${after.enrolled} of ${after.enrolled + after.declined}`).waitFor();
    expect(await cell.textContent()).not.toBe(beforeText);
    await screenshot(page, "site-status-uptake");
  });

  it("a coordinator makes uptake an indicator with a target and reads it on the dashboard", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const d = new DashboardPage(page);
    await page.goto(`/programmes/${programmeId}/dashboard`);
    await d.heading("BPD-LOM dashboard");
    await d.go("Indicators");
    await page.getByRole("link", { name: "New indicator" }).click();
    await d.heading("New indicator");
    const field = (label: string) => page.locator("input, textarea").and(page.getByLabel(labelled(label)));
    await page.getByText("Uptake of the practice", { exact: true }).click();
    // Only the window is asked: no population or records to choose.
    expect(await page.getByText("Patients counted (population)").count()).toBe(0);
    await field("Label").fill("Uptake in the last year");
    await field("Identifier").fill("uptake_year");
    await field("Window (days up to the as-of date)").fill("365");
    await field("Target (%)").fill("70");
    await screenshot(page, "uptake-indicator-editor", true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Save indicator" }).click();
    await d.heading("Uptake in the last year");
    expect(await page.getByText("Target: ≥ 70%").count()).toBeGreaterThan(0);
    await page.getByRole("img", { name: /^Bar chart of Uptake in the last year by site/ }).waitFor();

    // The dashboard's figure is the uptake the site table shows.
    const lecco = await leccoUptake();
    const res = await coordinator.get(`/api/programmes/${programmeId}/indicators?ids=uptake_year`);
    const records = (
      res.json as { indicators: Array<{ site: string | null; numerator: number; denominator: number }> }
    ).indicators;
    expect(records.find((r) => r.site === "LECCO")).toMatchObject({
      numerator: lecco.enrolled,
      denominator: lecco.enrolled + lecco.declined,
    });
    await page.getByText("Indicator saved").waitFor({ state: "detached" });
    await screenshot(page, "uptake-indicator-chart");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
