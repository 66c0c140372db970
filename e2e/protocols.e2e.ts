import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { Shell } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { SHOTS_DIR, screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * Issue 13, part 1 — the journey of the issue: a coordinator builds a protocol dimension with a
 * case study, attaches a tool, finds it by searching, and links it from an activity of the
 * region's action plan; the dimension page then lists the activity. A site's team records a
 * self-assessment, which the planning overview shows.
 */
let w: World;
let bpd: number;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

beforeAll(async () => {
  w = await createWorld();
  fs.mkdirSync(`${SHOTS_DIR}/protocols`, { recursive: true });
  const coord = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
  const programmes = (await coord.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  bpd = programmes.find((p) => p.code === "BPD-LOM")!.id;
  const plan = await coord.request("PUT", `/api/programmes/${bpd}/planning/action-plan/region`, {
    baseVersion: 0,
    strategicAreas: [
      {
        id: "sa-access",
        title: "Access to care",
        subAreas: [
          {
            id: "sub-screen",
            title: "Screening",
            activities: [
              {
                id: "act-screening",
                title: "Agree one set of screening tools across services",
                responsibleActor: "Regional implementation group",
                start: "2026-01-01",
                end: "2026-12-31",
              },
            ],
          },
        ],
      },
    ],
  });
  if (plan.status !== 200) throw new Error(`action plan: ${plan.status} ${JSON.stringify(plan.json)}`);
}, 240_000);
afterAll(async () => {
  await w?.close();
});

describe("the protocol learning system", () => {
  it("a coordinator builds a protocol dimension with a case study and links it from an activity", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    await new Shell(page).navLink("Protocols").click();
    await page.getByRole("heading", { level: 1, name: "Protocols" }).waitFor();

    // a new protocol from the MHSU template, in English
    await page.getByRole("button", { name: "New protocol" }).click();
    await page.getByRole("radio", { name: /mental health and substance use template/ }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "New protocol" }).last().click();
    await page.getByRole("heading", { level: 1, name: /Working together on co-occurring/ }).waitFor();
    expect(await page.getByTestId("dimension-card").count()).toBe(7);
    await screenshot(page, "protocols/protocol-page", true);
    expect(await seriousViolations(page)).toEqual([]);

    // edit: a case study on the first dimension
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByRole("button", { name: "Add a case study" }).first().click();
    await page.getByLabel("Case study title").fill("Lecco: one referral form");
    await page
      .getByLabel("Case study text")
      .fill("In 2025 the Lecco services agreed a single referral form and stopped repeating screenings.");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "protocols/protocol-editor");

    // leaving with unsaved edits asks first; staying keeps them
    await new Shell(page).navLink("Protocols").click();
    const leave = page.getByRole("dialog", { name: "Unsaved changes" });
    await leave.getByText("You have unsaved changes — leave anyway?").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "protocols/unsaved-changes");
    await leave.getByRole("button", { name: "Stay on this page" }).click();
    await leave.waitFor({ state: "hidden" });
    expect(new URL(page.url()).pathname).toMatch(/^\/protocols\/\d+$/);
    expect(await page.getByLabel("Case study title").inputValue()).toBe("Lecco: one referral form");

    await page.getByRole("button", { name: "Save new version" }).click();
    await page.getByText(/Version 2, saved by coordinator/).waitFor();

    // the dimension: expected, examples, the case study; a tool uploaded
    await page.getByRole("link", { name: "A shared way of assessing needs" }).click();
    await page.getByRole("heading", { level: 1, name: "A shared way of assessing needs" }).waitFor();
    await page.getByRole("heading", { name: "Lecco: one referral form" }).waitFor();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "stakeholder-map.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByRole("link", { name: "Download stakeholder-map.png" }).waitFor();
    // a file whose content is not what its name says is refused next to the field
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "journey-map.pdf", mimeType: "application/pdf", buffer: PNG });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByText(/does not contain what its extension says|not a \.pdf file/).waitFor();
    expect(await page.getByTestId("tool-row").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // search finds the case study, in its dimension
    await new Shell(page).navLink("Protocols").click();
    await page.getByRole("searchbox", { name: "Search the protocols" }).fill("referral");
    await page.getByRole("button", { name: "Search the protocols" }).click();
    const hit = page.getByTestId("search-hit").filter({ hasText: "Lecco: one referral form" });
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toContain("in A shared way of assessing needs");
    await screenshot(page, "protocols/search");
    expect(await seriousViolations(page)).toEqual([]);

    // the activity of the regional action plan addresses the dimension
    await page.goto(`${w.server.url}/programmes/${bpd}/planning/action-plan/region`);
    await page.getByRole("heading", { name: "Protocol dimensions" }).waitFor();
    await page
      .locator("input")
      .and(page.getByLabel(/Dimension addressed by “Agree one set of screening tools/))
      .click();
    await page.getByRole("option", { name: /^A shared way of assessing needs/ }).click();
    await page
      .getByTestId("planning-link-row")
      .getByRole("link", { name: "A shared way of assessing needs" })
      .waitFor();
    await screenshot(page, "protocols/action-plan-link", true);
    expect(await seriousViolations(page)).toEqual([]);

    // … and the dimension page lists it, with its level (the region's plan)
    await page
      .getByTestId("planning-link-row")
      .getByRole("link", { name: "A shared way of assessing needs" })
      .click();
    const row = page.getByTestId("addressed-row");
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Agree one set of screening tools across services");
    await screenshot(page, "protocols/dimension-page", true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("a site's team records a self-assessment that the planning overview shows", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    await new Shell(page).navLink("Protocols").click();
    await page.getByRole("link", { name: /Working together on co-occurring/ }).click();
    await page.getByRole("button", { name: "Self-assessment" }).click();
    await page.getByRole("heading", { level: 1, name: /Self-assessment of LECCO/ }).waitFor();
    await page.locator("input").and(page.getByLabel("Level · A shared way of assessing needs")).click();
    await page.getByRole("option", { name: "3 · Embedded" }).click();
    await page.locator("input").and(page.getByLabel("Level · Agreed pathways by level of need")).click();
    await page.getByRole("option", { name: "2 · In practice" }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Record self-assessment" }).click();
    await page.getByTestId("assessment-row").waitFor();
    await screenshot(page, "protocols/assessment-page", true);

    await page.goto(`${w.server.url}/programmes/${bpd}/planning`);
    const overview = page.getByTestId("assessment-overview-row");
    await overview.waitFor();
    // 3 + 2 + five dimensions at 0 → 5/7
    await expect(overview.textContent()).resolves.toContain("0.7");
    await screenshot(page, "protocols/planning-overview", true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
