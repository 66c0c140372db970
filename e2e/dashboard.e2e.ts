import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "../src/server/infra/time/civil-date.ts";
import { seriousViolations } from "./pages/axe.ts";
import { DashboardPage } from "./pages/dashboard-page.ts";
import { LoginPage } from "./pages/login-page.ts";
import { errorOf, labelled } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/** One value of the indicators API, as the dashboard reads it. */
interface ApiRecord {
  id: string;
  site: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

let w: World;
let coordinatorApi: ApiClient;
let viewerApi: ApiClient;
/** The demo programme of the Lombardy pilot. */
let bpd: { id: number; code: string };

beforeAll(async () => {
  w = await createWorld();
  coordinatorApi = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
  viewerApi = await ApiClient.login(w.server.url, "viewer", DEMO_PASSWORD);
  const list = (await coordinatorApi.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  bpd = list.find((p) => p.code === "BPD-LOM")!;
});
afterAll(async () => {
  await w?.close();
});

async function records(api: ApiClient, asOf: string, ids?: string[]): Promise<ApiRecord[]> {
  const q = new URLSearchParams({ asOf, ...(ids ? { ids: ids.join(",") } : {}) });
  const res = await api.get(`/api/programmes/${bpd.id}/indicators?${q}`);
  expect(res.status).toBe(200);
  return (res.json as { indicators: ApiRecord[] }).indicators;
}

const percent = (v: number) =>
  new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }).format(v);

/** The shared axe-core check's serious and critical violations, each named by the view it was found in. */
async function violationsIn(page: Page, where: string): Promise<string[]> {
  return (await seriousViolations(page)).map((v) => `${where}: ${v}`);
}

describe("the monitoring dashboard", () => {
  it("a regional coordinator reads a tile, opens a chart, drills into a site, follows a trend and exports the table", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const d = new DashboardPage(page);

    // Given the programme page, the dashboard is one link away
    await page.goto(`/programmes/${bpd.id}`);
    await page.getByRole("link", { name: "Open the dashboard" }).click();
    await d.heading("BPD-LOM dashboard");

    // When the coordinator pins two headline indicators
    await d.pin(["Intensive start", "Patients enrolled"]);
    await d.tile("Intensive start").waitFor();

    // Then the tile shows the API's value for the programme, with its numerator and denominator
    const asOf = await d.asOf();
    const api = await records(coordinatorApi, asOf, ["intensive_start"]);
    const programme = api.find((r) => r.site === null)!;
    expect(programme.value).not.toBeNull();
    const tile = await d.tileValue("Intensive start");
    expect(tile.value).toBe(percent(programme.value!));
    expect(tile.fraction).toBe(`${programme.numerator}/${programme.denominator}`);
    // and the enrolment tile counts the sites at their target
    expect(await d.tile("Patients enrolled").textContent()).toMatch(/of \d+ sites at target/);
    // the trend sparkline is drawn from the series
    await d
      .tile("Intensive start")
      .getByRole("img", { name: /^Trend of Intensive start/ })
      .waitFor();
    await screenshot(page, "dashboard-overview", true);
    expect(await violationsIn(page, "overview")).toEqual([]);

    // When the date goes back a year (the demo's data run to yesterday), the tiles follow it
    // (and the address keeps it)
    const yearAgo = addDays(today(), -365);
    const asOfField = page.locator("input").and(page.getByLabel(labelled("As of")));
    await asOfField.click();
    await asOfField.fill(yearAgo);
    await page.keyboard.press("Escape");
    await page.waitForURL(new RegExp(`asOf=${yearAgo}`));
    const then = (await records(coordinatorApi, yearAgo, ["intensive_start"])).find((r) => r.site === null)!;
    expect(then.value).not.toBe(programme.value);
    await expect.poll(async () => (await d.tileValue("Intensive start")).value).toBe(percent(then.value!));
    // and back to today
    await page.getByRole("button", { name: "Today", exact: true }).click();
    await page.waitForURL((url) => !url.search.includes("asOf"));
    await expect
      .poll(async () => (await d.tileValue("Intensive start")).value)
      .toBe(percent(programme.value!));

    // From here on, every view reads the one cached answer: no new indicators request
    const indicatorRequests: string[] = [];
    page.on("request", (r) => {
      if (/\/api\/programmes\/\d+\/indicators\?/.test(r.url())) indicatorRequests.push(r.url());
    });

    // When they open the indicator's chart from its tile
    await d.tile("Intensive start").getByRole("link", { name: "Intensive start" }).click();
    await d.heading("Intensive start");
    await page.getByRole("img", { name: /^Bar chart of Intensive start by site/ }).waitFor();
    const bySite = d.table(/^Intensive start by site, as of/);
    // Then every site is side by side, with the programme, and LECCO's numbers are the API's
    expect(await bySite.getByRole("row").count()).toBe(1 + api.length);
    const lecco = api.find((r) => r.site === "LECCO")!;
    const leccoRow = d.row(bySite, /^LECCO/);
    expect(await leccoRow.textContent()).toContain(percent(lecco.value!));
    expect(await leccoRow.getByRole("cell").nth(1).textContent()).toBe(String(lecco.numerator));
    expect(await leccoRow.getByRole("cell").nth(2).textContent()).toBe(String(lecco.denominator));
    await screenshot(page, "dashboard-chart");
    expect(await violationsIn(page, "chart")).toEqual([]);

    // And the chart downloads as PNG and as SVG
    const png = await d.downloadChart("PNG");
    expect(png.name).toMatch(/^BPD-LOM_intensive_start_site_.*\.png$/);
    expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");
    const svg = await d.downloadChart("SVG");
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.bytes.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.bytes.toString()).toContain("Intensive start");

    // When they drill into LECCO (the site's link in the chart's table: the keyboard's way to a bar)
    await leccoRow.getByRole("link", { name: /LECCO/ }).click();
    await d.heading("LECCO — ASST Lecco");
    // Then the site's indicators stand beside the programme's
    const siteTable = d.table(/^Indicators of LECCO and of the programme/);
    const intensive = d.row(siteTable, "Intensive start");
    const cells = intensive.getByRole("cell");
    expect(await cells.nth(0).textContent()).toContain(
      `${percent(lecco.value!)}${lecco.numerator}/${lecco.denominator}`,
    );
    expect(await cells.nth(1).textContent()).toContain(percent(programme.value!));
    await page.getByRole("img", { name: /^Bar chart comparing the percentages of LECCO/ }).waitFor();
    await screenshot(page, "dashboard-site", true);
    expect(await violationsIn(page, "site")).toEqual([]);
    expect(indicatorRequests).toEqual([]);

    // When they switch to the trend view and add two sites
    await d.go("Trends");
    await d.heading("Trends");
    const sites = page.locator("input").and(page.getByLabel(labelled("Sites")));
    for (const code of ["LECCO", "MONZA"]) {
      await sites.click();
      await sites.fill(code);
      await page.getByRole("option", { name: new RegExp(`^${code} — `) }).click();
    }
    await page.keyboard.press("Escape");
    // Then the line chart shows the programme and both sites, month by month
    await page.getByRole("img", { name: /^Line chart of Intensive start month by month/ }).waitFor();
    await page.getByRole("button", { name: "Show the data table" }).click();
    const trend = d.table("Intensive start, month by month");
    const head = await trend.getByRole("columnheader").allTextContents();
    expect(head).toEqual(["Month", "All sites", "LECCO", "MONZA"]);
    expect(await trend.getByRole("row").count()).toBeGreaterThan(6);
    await screenshot(page, "dashboard-trends");
    expect(await violationsIn(page, "trends")).toEqual([]);

    // When they open the table view and sort by intensive start
    await d.go("Table");
    await d.heading("Indicator table");
    const table = d.table(/^Every indicator for every site/);
    const intensiveHeader = table.getByRole("columnheader", { name: "Intensive start" });
    await intensiveHeader.getByRole("button").click();
    expect(await intensiveHeader.getAttribute("aria-sort")).toBe("descending");
    const best = [...api]
      .filter((r) => r.site !== null)
      .sort((a, b) => b.value! - a.value! || (a.site! < b.site! ? -1 : 1))[0]!;
    expect(await table.getByRole("row").nth(1).getByRole("rowheader").textContent()).toBe(best.site);
    expect(await violationsIn(page, "table")).toEqual([]);

    // And export it: the CSV has the documented header and the API's numbers for LECCO
    const csv = await d.download(() => page.getByRole("button", { name: "Download CSV" }).click());
    expect(csv.name).toBe(`BPD-LOM_indicators_${asOf}.csv`);
    const lines = csv.bytes
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "programme,as_of,id,indicator,kind,site,site_name,numerator,denominator,value,target,direction,suppressed,small_site,target_met",
    );
    const all = await records(coordinatorApi, asOf);
    expect(lines.length).toBe(1 + all.length);
    const row = lines.find((l) => l.includes(",intensive_start,") && l.includes(",LECCO,"));
    expect(row).toBe(
      // the demo's programme target on early intensity (70 %, src/server/demo/region.ts DEMO_TARGETS)
      `BPD-LOM,${asOf},intensive_start,Intensive start,ratio,LECCO,ASST Lecco,${lecco.numerator},${lecco.denominator},${lecco.value},0.7,higher_is_better,false,false,${lecco.value! >= 0.7}`,
    );
    // and the XLSX is a workbook (a zip holding the sheets)
    const xlsx = await d.download(() => page.getByRole("button", { name: "Download Excel (XLSX)" }).click());
    expect(xlsx.name).toBe(`BPD-LOM_indicators_${asOf}.xlsx`);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe("PK");
    expect(xlsx.bytes.includes(Buffer.from("xl/worksheets/sheet2.xml"))).toBe(true);
    await screenshot(page, "dashboard-table");
  });

  it("a coordinator builds an indicator from menus, sees the server's error at its field, previews and saves it", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const d = new DashboardPage(page);
    await page.goto(`/programmes/${bpd.id}/dashboard`);
    await d.heading("BPD-LOM dashboard");
    await d.go("Indicators");
    await d.heading("Indicators of the programme");
    await page.getByRole("link", { name: "New indicator" }).click();
    await d.heading("New indicator");

    // Given an indicator of family contacts in the early window, with an identifier the server refuses
    const field = (label: string) => page.locator("input, textarea").and(page.getByLabel(labelled(label)));
    await field("Label").fill("Family seen early");
    await field("Identifier").fill("Family seen");
    await field("Recipients").click();
    await page.getByRole("option", { name: "Family", exact: true }).click();
    await page.getByRole("option", { name: "Patient and family", exact: true }).click();
    await page.keyboard.press("Escape");
    await field("Target (%)").fill("40");
    expect(await violationsIn(page, "editor")).toEqual([]);

    // When it is previewed, the identifier's error shows next to the identifier
    await page.getByRole("button", { name: "Preview" }).click();
    await page.waitForFunction(() => document.querySelectorAll('[aria-invalid="true"]').length > 0);
    expect(await errorOf(field("Identifier"))).toMatch(/lower-case letters/);
    await screenshot(page, "dashboard-editor-error", true);

    // When the identifier is fixed, the preview computes every site without saving anything
    await field("Identifier").fill("family_seen_early");
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: /^Preview as of/ });
    await preview.waitFor();
    expect(await errorOf(field("Identifier"))).toBeNull();
    const previewRows = preview.getByRole("table").getByRole("row");
    await previewRows.nth(1).waitFor();
    const count = await previewRows.count();
    expect(count).toBeGreaterThan(10);
    const listed = (await coordinatorApi.get(`/api/programmes/${bpd.id}/indicator-definitions`)).json as {
      definitions: Array<{ id: string }>;
    };
    expect(listed.definitions.some((x) => x.id === "family_seen_early")).toBe(false);
    await screenshot(page, "dashboard-editor-preview", true);
    expect(await violationsIn(page, "editor preview")).toEqual([]);

    // When it is saved, its chart shows the sites against the 40 % target
    await page.getByRole("button", { name: "Save indicator" }).click();
    await d.heading("Family seen early");
    expect(await page.getByText("Target: ≥ 40%").count()).toBeGreaterThan(0);
    const saved = (await coordinatorApi.get(`/api/programmes/${bpd.id}/indicators?ids=family_seen_early`))
      .json as {
      definitions: Array<{ target: number; kind: string }>;
    };
    expect(saved.definitions[0]).toMatchObject({ target: 0.4, kind: "ratio" });
    await page.getByRole("img", { name: /^Bar chart of Family seen early by site/ }).waitFor();
    await page.getByText("Indicator saved").waitFor({ state: "detached" });
    await screenshot(page, "dashboard-user-indicator");
  });

  it("a viewer sees aggregates only: suppressed cells read “<5”, as the server sent them", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("viewer");
    const d = new DashboardPage(page);
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "BPD-LOM dashboard" })
      .click();
    await d.heading("BPD-LOM dashboard");
    await page.getByText("You see aggregates only").waitFor();
    // viewers do not choose the tiles nor define indicators
    expect(await page.getByRole("button", { name: "Choose headline indicators" }).count()).toBe(0);

    const asOf = await d.asOf();
    const api = await records(viewerApi, asOf);
    const suppressed = api.find((r) => r.suppressed && r.site !== null)!;
    expect(suppressed).toBeDefined();
    expect(suppressed).toMatchObject({ numerator: null, denominator: null, value: null });

    await d.go("Table");
    await d.heading("Indicator table");
    const table = d.table(/^Every indicator for every site/);
    const meta = (
      (await viewerApi.get(`/api/programmes/${bpd.id}/indicators?ids=${suppressed.id}&asOf=${asOf}`))
        .json as {
        definitions: Array<{ label: string }>;
      }
    ).definitions[0]!;
    const headers = await table.getByRole("columnheader").allTextContents();
    const column = headers.indexOf(meta.label);
    expect(column).toBeGreaterThan(0);
    const cell = d
      .row(table, suppressed.site!)
      .getByRole("cell")
      .nth(column - 1);
    expect(await cell.textContent()).toMatch(/^<5/);
    expect(await table.locator('[data-state="suppressed"]').count()).toBe(
      api.filter((r) => r.suppressed).length,
    );
    await screenshot(page, "dashboard-viewer-table");
    expect(await violationsIn(page, "viewer table")).toEqual([]);

    // the chart of that indicator writes "<5" where the bar would be
    await page.goto(`/programmes/${bpd.id}/dashboard/charts/${suppressed.id}`);
    await d.heading(meta.label);
    const bySite = d.table(new RegExp(`^${meta.label} by site`));
    expect(await d.row(bySite, suppressed.site!).getByRole("cell").first().textContent()).toMatch(/^<5/);
    await screenshot(page, "dashboard-viewer-chart");
    expect(await violationsIn(page, "viewer chart")).toEqual([]);
  });

  it("the dashboard speaks Italian too, with no serious axe violations", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    await page.getByRole("banner").getByRole("button", { name: "Regional Implementation Group" }).click();
    await page.getByRole("menuitem", { name: "Italiano" }).click();
    await page.getByRole("navigation", { name: "Navigazione principale" }).waitFor();
    const d = new DashboardPage(page);
    await page.goto(`/programmes/${bpd.id}/dashboard`);
    await d.heading("Cruscotto BPD-LOM");
    await page.getByRole("heading", { name: "Tutti gli indicatori" }).waitFor();
    expect(await page.getByRole("link", { name: "Avvio intensivo" }).count()).toBeGreaterThan(0);
    const found = await violationsIn(page, "overview (it)");
    await page.goto(`/programmes/${bpd.id}/dashboard/table`);
    await d.heading("Tabella degli indicatori");
    found.push(...(await violationsIn(page, "table (it)")));
    await screenshot(page, "dashboard-table-it");
    expect(found).toEqual([]);
  });
});
