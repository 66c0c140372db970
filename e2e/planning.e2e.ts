import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today as regionToday } from "../src/server/infra/time/civil-date.ts";
import { seriousViolations } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { PlanningPages } from "./pages/planning.ts";
import { choose, field, typeDate } from "./pages/registry.ts";
import { errorOf, Shell } from "./pages/shell.ts";
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
      .poll(() => matrix.getByRole("link", { name: "Theory of Change, Region" }).textContent())
      .toBe("not started");

    await page.getByRole("button", { name: "Apply the template" }).click();
    await page.getByText(/^ImpleMENTAL.*: 5 parts applied$/).waitFor();
    await expect
      .poll(() => matrix.getByRole("link", { name: "Theory of Change, Region" }).textContent())
      .toBe("version 1");
    await expect
      .poll(() => matrix.getByRole("link", { name: "Action plan, Region" }).textContent())
      .toBe("version 1");
    expect(await seriousViolations(page)).toEqual([]);

    // Applying it again without "replace" is refused with the server's reason, and nothing changes
    await page.getByRole("button", { name: "Apply the template" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: /already/i })
      .waitFor();
    await p.open(bpd.id, "BPD-LOM implementation plan");
    expect(await matrix.getByRole("link", { name: "Theory of Change, Region" }).textContent()).toBe(
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

  it("a site coordinator draws a small Theory of Change with a live indicator on an output; a backward arrow is refused with the reason", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    const p = new PlanningPages(page);
    const lecco = bpd.sites.get("LECCO")!;
    const siteApi = await ApiClient.login(w.server.url, "sitecoord", DEMO_PASSWORD);
    const today = regionToday();
    const live = (await siteApi.get(`/api/programmes/${bpd.id}/indicators?asOf=${today}&ids=enrolled`))
      .json as {
      indicators: Array<{ id: string; site: string | null; value: number | null }>;
    };
    const enrolledAtLecco = live.indicators.find((r) => r.id === "enrolled" && r.site === "LECCO")!.value;
    expect(enrolledAtLecco).toBeGreaterThan(0);

    // Lecco's diagram started as the region's skeleton when the template was applied; the team
    // starts over from an empty one (version 2)
    const copy = (await siteApi.get(planning(`toc/sites/${lecco}`))).json as { version: number };
    expect(copy.version).toBe(1);
    const cleared = await siteApi.request("PUT", planning(`toc/sites/${lecco}`), {
      baseVersion: 1,
      nodes: [],
      edges: [],
    });
    expect(cleared.status).toBe(200);
    await p.open(bpd.id, /^Theory of Change · LECCO/, "toc", lecco);
    await page.getByText("No boxes yet").waitFor();
    await p.addBox("Impact", "Young people with BPD live better lives");
    await p.addBox("Outcome", "Early intensive care for new patients");
    await p.arrowTo("Outcome", "Young people with BPD");
    await p.addBox("Output", "Young patients enrolled in the programme");
    await p.pickMany(p.selectedBox("Output"), "Indicators", ["Patients enrolled"]);
    await p.arrowTo("Output", "Early intensive care", "Enrolled patients get the intensive start");
    await p.addBox("Activity", "Case managers screen new referrals weekly");
    await p.arrowTo("Activity", "Young patients enrolled");

    // The output shows the indicator's live value at Lecco, as the indicator engine computes it
    const output = p.box("Young patients enrolled in the programme");
    await expect
      .poll(() => output.locator(".toc-indicator").textContent())
      .toBe(`Patients enrolled${new Intl.NumberFormat("en-GB").format(enrolledAtLecco!)}`);

    // An arrow back down the chain (outcome → activity) is refused by the server, with its reason
    await p.selectBox("Early intensive care for new patients");
    await p.arrowTo("Outcome", "Case managers screen");
    await p.saveButton.click();
    const refusal = page.getByRole("alert").filter({ hasText: "The server refused the diagram" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("an outcome cannot lead back to an activity");
    expect(((await siteApi.get(planning(`toc/sites/${lecco}`))).json as { version: number }).version).toBe(2);
    await screenshot(page, "planning-toc-refused", true);

    // The user picks the offending arrow from the message and removes it; the save goes through
    await refusal.getByRole("button", { name: /^Arrow from “Early intensive care/ }).click();
    await page
      .getByRole("region", { name: "Selected arrow" })
      .getByRole("button", { name: "Remove arrow" })
      .click();
    await page.getByRole("button", { name: "Lay out automatically" }).click();
    expect(await p.save()).toBe(3);
    await page.locator(".mantine-Notification-root").getByRole("button", { name: "Close" }).click();
    await page.locator(".mantine-Notification-root").waitFor({ state: "detached" });
    await p.selectBox("Young patients enrolled in the programme");
    await screenshot(page, "planning-toc");
    const saved = (await siteApi.get(planning(`toc/sites/${lecco}`))).json as {
      content: { nodes: Array<{ type: string; text: string; indicatorIds: string[] }>; edges: unknown[] };
    };
    expect(saved.content.nodes.map((n) => n.type).sort()).toEqual([
      "activity",
      "impact",
      "outcome",
      "output",
    ]);
    expect(saved.content.nodes.find((n) => n.type === "output")!.indicatorIds).toEqual(["enrolled"]);
    expect(saved.content.edges).toHaveLength(3);

    // The diagram exports as SVG from the browser, with the indicator's value on the output
    await page.getByRole("button", { name: "Export" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: "Diagram (SVG)" }).click(),
    ]);
    const svg = await (await download.createReadStream()).toArray();
    const text = Buffer.concat(svg as Buffer[]).toString("utf8");
    expect(text).toContain("<svg");
    expect(text).toContain("Young patients enrolled in the");
    expect(text).toContain(
      `Patients enrolled: <tspan font-weight="700">${new Intl.NumberFormat("en-GB").format(enrolledAtLecco!)}</tspan>`,
    );
  });

  it("an activity is planned from a ToC output, moved on the timeline and flagged overdue; two versions are compared", async () => {
    const lecco = bpd.sites.get("LECCO")!;
    const day = (offset: number) => addDays(regionToday(), offset);

    // The regional coordinator copies the regional plan (the template's strategic areas) to Lecco
    // again, over the copy Lecco started from when the template was applied
    const coordinator = await w.session();
    await new LoginPage(coordinator.page).signInAs("coordinator");
    const region = new PlanningPages(coordinator.page);
    await region.open(bpd.id, /^Action plan · Region/, "action-plan", "region");
    await coordinator.page.getByRole("button", { name: "Copy to sites" }).click();
    const copyDialog = coordinator.page.getByRole("dialog", { name: "Copy the regional plan to sites" });
    await region.pickMany(copyDialog, "Sites", ["LECCO — ASST Lecco"]);
    await copyDialog
      .getByRole("switch", { name: "Replace the plans sites already have" })
      .check({ force: true });
    await copyDialog.getByRole("button", { name: "Copy to sites" }).click();
    await coordinator.page.getByText("Copied to 1 site").waitFor();

    // The Lecco coordinator plans an activity for the output of their Theory of Change
    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    const p = new PlanningPages(page);
    await p.open(bpd.id, /^Theory of Change · LECCO/, "toc", lecco);
    await p.selectBox("Young patients enrolled in the programme");
    await p.selectedBox("Output").getByRole("link", { name: "Plan an activity for this output" }).click();
    const dialog = page.getByRole("dialog", { name: "New activity" });
    await dialog.waitFor();
    expect(await field(dialog, "Title").inputValue()).toBe("Young patients enrolled in the programme");
    await field(dialog, "Title").fill("Weekly screening of new referrals");
    await field(dialog, "Responsible").fill("Lecco case managers");
    await typeDate(dialog, "Start", day(-30));
    await typeDate(dialog, "End", day(30));
    await dialog.getByRole("button", { name: "Apply" }).click();
    await dialog.waitFor({ state: "detached" });
    const row = page.locator('[data-activity="Weekly screening of new referrals"]');
    expect(await row.textContent()).toContain("Young patients enrolled in the programme");
    expect(await row.getByText("Overdue").count()).toBe(0);
    expect(await p.save()).toBe(3);

    // On the timeline the coordinator drags the activity back by 40 days: it now ended 10 days ago
    await page.getByRole("radiogroup", { name: "View" }).getByText("Timeline", { exact: true }).click();
    const bar = page.getByRole("button", { name: /^Weekly screening of new referrals:/ });
    const box = (await bar.boundingBox())!;
    const pxPerDay = box.width / 61;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(box.x + box.width / 2 - (i * 40 * pxPerDay) / 10, box.y + box.height / 2);
    await page.mouse.up();
    await expect.poll(() => bar.getAttribute("data-end")).toBe(day(-10));
    expect(await bar.getAttribute("data-start")).toBe(day(-70));
    expect(await bar.getAttribute("aria-label")).toMatch(/· Overdue$/);
    expect(await page.getByTestId("overdue-count").textContent()).toBe("1 overdue");
    // the keyboard moves it too: a day later with the right arrow, back with the left
    await bar.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => bar.getAttribute("data-end")).toBe(day(-9));
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => bar.getAttribute("data-end")).toBe(day(-10));
    await screenshot(page, "planning-gantt", true);
    expect(await p.save()).toBe(4);

    // The server agrees it is overdue, and the plan view flags it
    const siteApi = await ApiClient.login(w.server.url, "sitecoord", DEMO_PASSWORD);
    const saved = (await siteApi.get(planning(`action-plan/sites/${lecco}`))).json as {
      content: { summary: { overdue: number } };
    };
    expect(saved.content.summary.overdue).toBe(1);
    await page.reload();
    expect(await bar.getAttribute("aria-label")).toMatch(/· Overdue$/);
    await page.getByRole("radiogroup", { name: "View" }).getByText("Plan", { exact: true }).click();
    await page.locator('[data-activity="Weekly screening of new referrals"]').getByText("Overdue").waitFor();

    // The history compares version 3 with version 4: the activity's dates, named by its title
    await page.getByRole("link", { name: "History" }).click();
    await page.getByRole("heading", { level: 1, name: /^History · Action plan · LECCO/ }).waitFor();
    const changes = page.getByRole("table", { name: "Changes" });
    await changes.waitFor();
    const start = changes.getByRole("row").filter({ hasText: "Start" });
    expect(await start.textContent()).toContain("“Weekly screening of new referrals”");
    expect(await start.textContent()).toContain(day(-30));
    expect(await start.textContent()).toContain(day(-70));
    expect(await changes.getByRole("row").filter({ hasText: "End" }).textContent()).toContain(day(-10));
    // and version 2 (the copy) against version 3 shows the activity added
    await choose(page, "From version", /^Version 2 — coordinator/);
    await changes.getByRole("row").filter({ hasText: "added" }).first().waitFor();
    expect(await changes.textContent()).toContain("Weekly screening of new referrals");
    await screenshot(page, "planning-history", true);
  });

  it("a stale second writer is told, keeps their edits, and may load the latest version; the page passes axe", async () => {
    const lecco = bpd.sites.get("LECCO")!;
    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    const p = new PlanningPages(page);
    await p.open(bpd.id, /^SWOT analysis · LECCO/, "swot", lecco);
    expect(await seriousViolations(page)).toEqual([]);

    // Meanwhile someone else saves a new version of the same SWOT
    const other = await ApiClient.login(w.server.url, "sitecoord", DEMO_PASSWORD);
    const current = (await other.get(planning(`swot/sites/${lecco}`))).json as {
      version: number;
      content: { items: Array<{ id: string; quadrant: string; text: string; tags: string[] }> };
    };
    const newer = await other.request("PUT", planning(`swot/sites/${lecco}`), {
      baseVersion: current.version,
      items: [
        ...current.content.items.map(({ id, quadrant, text, tags }) => ({ id, quadrant, text, tags })),
        { quadrant: "opportunity", text: "The region funds a training course", tags: ["specific-training"] },
      ],
    });
    expect(newer.status).toBe(200);

    // When this user saves their own change on the version they opened
    await p.addSwotItem("Opportunities", "A new social cooperative opened in Lecco", [
      "Collaboration with social services",
    ]);
    await p.saveButton.click();
    const stale = page.getByRole("alert").filter({ hasText: "Someone else saved a newer version" });
    await stale.waitFor();
    expect(await stale.textContent()).toContain(`version ${current.version + 1}`);
    // nothing was lost: their item is still on the board, unsaved
    expect(
      await p.quadrant("Opportunities").getByText("A new social cooperative opened in Lecco").count(),
    ).toBe(1);
    await page.getByText("Unsaved changes").waitFor();
    await screenshot(page, "planning-stale");
    // and loading the latest version shows the other writer's item
    await stale.getByRole("button", { name: /^Load the latest version/ }).click();
    await p.quadrant("Opportunities").getByText("The region funds a training course").waitFor();
    expect(
      await p.quadrant("Opportunities").getByText("A new social cooperative opened in Lecco").count(),
    ).toBe(0);
    expect(await page.getByText(`Version ${current.version + 1}, saved`).count()).toBe(1);
  });

  it("a site fills its situation analysis and roadmap; the region compares sites and sees who has not compiled theirs", async () => {
    const lecco = bpd.sites.get("LECCO")!;
    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    const p = new PlanningPages(page);

    // SANA: a value with its source and year
    await p.open(bpd.id, /^Situation analysis · LECCO/, "sana", lecco);
    await page.getByLabel("Value of Psychiatrists", { exact: true }).fill("9.5");
    await page.getByLabel("Source of Psychiatrists", { exact: true }).fill("Regional HR register");
    await page.getByLabel("Year of Psychiatrists", { exact: true }).fill("2024");
    expect(await p.save()).toBe(1);

    // Roadmap: one objective with its conditions and timeframe
    await p.open(bpd.id, /^Implementation roadmap · LECCO/, "roadmap", lecco);
    await page.getByRole("button", { name: "Add objective" }).click();
    const dialog = page.getByRole("dialog", { name: "Add objective" });
    await field(dialog, "Objective").fill("A specialist team for young people in each CMHC");
    await field(dialog, "Conditions").fill("Two more nurses hired\nProtected time for the team");
    await field(dialog, "Timeframe").fill("within 12 months");
    await dialog.getByRole("button", { name: "Apply" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await p.save()).toBe(1);

    // The region sees Lecco's value beside the others, and that Lecco has compiled its roadmap
    const coordinator = await w.session();
    await new LoginPage(coordinator.page).signInAs("coordinator");
    const region = new PlanningPages(coordinator.page);
    await region.open(bpd.id, "Situation analysis compared", "sana-compare");
    const workforce = coordinator.page.getByRole("region", { name: "Workforce" });
    const psychiatrists = workforce.getByRole("row").filter({ hasText: "Psychiatrists" });
    expect(await psychiatrists.textContent()).toContain("9.5Regional HR register, 2024");

    await region.open(bpd.id, "Roadmap compilation", "roadmap-compliance");
    await coordinator.page.getByText(`1 of ${bpd.siteCount} sites have compiled their roadmap.`).waitFor();
    const missing = (await coordinator.page.getByText(/^Not compiled yet:/).textContent()) ?? "";
    expect(missing).not.toContain("LECCO");
    expect(missing).toContain("BRIANZA");
    await screenshot(coordinator.page, "planning-compliance");
  });

  it("a progress questionnaire round is opened by the region, answered by a site, and read across sites", async () => {
    const coordinator = await w.session();
    await new LoginPage(coordinator.page).signInAs("coordinator");
    const region = new PlanningPages(coordinator.page);
    await region.open(bpd.id, "Progress questionnaires", "questionnaires");
    const card = coordinator.page.getByRole("region", { name: /progress questionnaire/i }).first();
    await field(card, "Round").fill("First semester");
    await typeDate(card, "Opens on", "2026-01-01");
    await typeDate(card, "Closes on", "2026-06-30");
    await card.getByRole("button", { name: "Create round" }).click();
    await coordinator.page.getByText("Round First semester created").waitFor();

    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    const p = new PlanningPages(page);
    await p.open(bpd.id, "Progress questionnaires", "questionnaires");
    await page.getByRole("link", { name: "Answers of LECCO to First semester" }).click();
    await page.getByRole("heading", { level: 1, name: /First semester/ }).waitFor();
    // A submitted response must answer the required questions: the server says which is missing
    await page
      .getByRole("radiogroup", { name: /named coordinator/ })
      .getByLabel("Yes")
      .check();
    await page.getByRole("switch", { name: "Submitted" }).check({ force: true });
    await p.saveButton.click();
    const teamSize = page.getByLabel(/How many professionals take part/);
    await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
    expect(await errorOf(teamSize)).toMatch(
      /^How many professionals take part.*\? Must be answered before submitting$/,
    );
    await teamSize.fill("7");
    expect(await p.save()).toBe(1);

    await coordinator.page.reload();
    await coordinator.page.getByRole("link", { name: "Results across sites" }).first().click();
    await coordinator.page.getByRole("heading", { level: 1, name: /^Results of/ }).waitFor();
    const round = coordinator.page.getByRole("region", { name: "First semester" });
    expect(await round.textContent()).toContain(`1 of ${bpd.siteCount} sites submitted`);
    expect(await round.getByText(/^No response yet:/).textContent()).not.toContain("LECCO");
    expect(await round.textContent()).toContain("n 1 · mean 7 · min 7 · max 7");
  });

  it("the region edits the SANA template as data; an indicator a site has filled in cannot be removed", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const p = new PlanningPages(page);
    await p.open(bpd.id, "SANA template", "sana-template");
    const workforce = page.getByRole("region", { name: "Workforce" });
    await workforce.getByRole("button", { name: "Add indicator" }).click();
    const n = await workforce.getByRole("row").count();
    await workforce.getByLabel(`Name of indicator ${n - 1} of Workforce`).fill("Nurses trained in DBT");
    expect(await p.save()).toBe(2);

    // The new indicator is there for the sites to fill in
    const lecco = bpd.sites.get("LECCO")!;
    await p.open(bpd.id, /^Situation analysis · LECCO/, "sana", lecco);
    await page.getByLabel("Value of Nurses trained in DBT", { exact: true }).waitFor();

    // Removing one that Lecco filled in is refused, naming where it is used
    await p.open(bpd.id, "SANA template", "sana-template");
    await workforce.getByRole("button", { name: "Remove Psychiatrists" }).click();
    await p.saveButton.click();
    const refusal = page.getByRole("alert").filter({ hasText: "Psychiatrists" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("LECCO");
  });

  it("the pages hide what the server refuses: clinicians read their site, viewers the region only", async () => {
    const lecco = bpd.sites.get("LECCO")!;
    const clinician = await w.session();
    await new LoginPage(clinician.page).signInAs("clinician");
    const c = new PlanningPages(clinician.page);
    await c.open(bpd.id, /^Theory of Change · LECCO/, "toc", lecco);
    await clinician.page.getByText("Read only").waitFor();
    expect(await c.addBoxForm.count()).toBe(0);
    expect(await c.saveButton.count()).toBe(0);
    await c.box("Young patients enrolled in the programme").waitFor();
    await c.open(bpd.id, "BPD-LOM implementation plan");
    expect(await clinician.page.getByRole("button", { name: "Apply the template" }).count()).toBe(0);
    expect(await clinician.page.getByRole("link", { name: "Common factors" }).count()).toBe(0);

    const viewer = await w.session();
    await new LoginPage(viewer.page).signInAs("viewer");
    const v = new PlanningPages(viewer.page);
    await v.open(bpd.id, "BPD-LOM implementation plan");
    const rows = viewer.page
      .getByRole("table", { name: "Artefacts of the region and of each site" })
      .getByRole("row");
    expect(await rows.count()).toBe(2); // the header and the region
    await v.open(bpd.id, /^SWOT analysis · Region/, "swot", "region");
    await viewer.page.getByText("Read only").waitFor();
    expect(await viewer.page.getByRole("button", { name: /^Add to/ }).count()).toBe(0);
    // a site's artefact is the server's to refuse, and the page says why (its 403 reason)
    await viewer.page.goto(v.url(bpd.id, "swot", lecco));
    await viewer.page
      .getByRole("alert")
      .filter({ hasText: "No access" })
      .filter({ hasText: "Your role does not allow this." })
      .waitFor();
  });
});
