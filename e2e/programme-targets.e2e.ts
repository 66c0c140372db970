import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, settle } from "./pages/axe.ts";
import { labelled } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * Issue 11: the regional coordinator of the demo (coordinator of BPD-LOM, so of its region)
 * creates a programme with three sites and targets on three indicators — a percentage with a
 * site's own target, a count per site and for the programme, and the enrolment total — and finds
 * them on the dashboard: tiles, the sites' bars, the table and the trend. In English and in
 * Italian, with axe's checks on the way.
 */
let w: World;
let api: ApiClient;
beforeAll(async () => {
  w = await createWorld();
  api = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
});
afterAll(async () => {
  await w?.close();
});

interface Words {
  lang: "en" | "it";
  welcome: RegExp;
  programmes: string;
  newProgramme: string;
  code: string;
  name: string;
  practice: string;
  sites: string;
  create: string;
  addTarget: string;
  indicatorOf: (n: number) => string;
  siteOf: (n: number) => string;
  valueOf: (n: number) => string;
  directionOf: (n: number) => string;
  higher: string;
  targetsTable: string;
  teamTrained: string;
  teamSize: string;
  enrolled: string;
  onTarget: string;
  offTarget: string;
  targetValue: (v: string) => string;
  showTargets: string;
  targetColumn: (name: string) => string;
  showTable: string;
  target: string;
  allSites: string;
  dashboardTitle: (code: string) => string;
  trendsTitle: string;
  tableTitle: string;
}

const EN: Words = {
  lang: "en",
  welcome: /^Welcome/,
  programmes: "Programmes",
  newProgramme: "New programme",
  code: "Code",
  name: "Name",
  practice: "Practice",
  sites: "Sites",
  create: "Create programme",
  addTarget: "Add target",
  indicatorOf: (n) => `Indicator of target ${n}`,
  siteOf: (n) => `Where target ${n} applies`,
  valueOf: (n) => `Value of target ${n}`,
  directionOf: (n) => `Direction of target ${n}`,
  higher: "Higher is better",
  targetsTable: "Targets on indicators",
  teamTrained: "Team members trained",
  teamSize: "Implementation team",
  enrolled: "Patients enrolled",
  onTarget: "On target",
  offTarget: "Off target",
  targetValue: (v) => `Target: ${v}`,
  showTargets: "Show each row's target",
  targetColumn: (name) => `Target: ${name}`,
  showTable: "Show the data table",
  target: "Target",
  allSites: "All sites",
  dashboardTitle: (code) => `${code} dashboard`,
  trendsTitle: "Trends",
  tableTitle: "Indicator table",
};

const IT: Words = {
  lang: "it",
  welcome: /^Benvenuto/,
  programmes: "Programmi",
  newProgramme: "Nuovo programma",
  code: "Codice",
  name: "Nome",
  practice: "Pratica",
  sites: "Sedi",
  create: "Crea programma",
  addTarget: "Aggiungi obiettivo",
  indicatorOf: (n) => `Indicatore dell'obiettivo ${n}`,
  siteOf: (n) => `Dove si applica l'obiettivo ${n}`,
  valueOf: (n) => `Valore dell'obiettivo ${n}`,
  directionOf: (n) => `Direzione dell'obiettivo ${n}`,
  higher: "Più alto è meglio",
  targetsTable: "Obiettivi sugli indicatori",
  teamTrained: "Membri dell'équipe formati",
  teamSize: "Équipe di implementazione",
  enrolled: "Pazienti arruolati",
  onTarget: "Obiettivo raggiunto",
  offTarget: "Obiettivo non raggiunto",
  targetValue: (v) => `Obiettivo: ${v}`,
  showTargets: "Mostra l'obiettivo di ogni riga",
  targetColumn: (name) => `Obiettivo: ${name}`,
  showTable: "Mostra la tabella dei dati",
  target: "Obiettivo",
  allSites: "Tutte le sedi",
  dashboardTitle: (code) => `Cruscotto ${code}`,
  trendsTitle: "Andamenti",
  tableTitle: "Tabella degli indicatori",
};

interface Indicators {
  definitions: Array<{
    id: string;
    target: number | null;
    siteTargets: Array<{ site: string; target: number }>;
  }>;
  indicators: Array<{ id: string; site: string | null; value: number | null; targetMet: boolean | null }>;
}

const field = (page: Page, label: string): Locator =>
  page.locator("input, textarea").and(page.getByLabel(labelled(label)));

async function choose(page: Page, input: Locator, option: string | RegExp): Promise<void> {
  await input.click();
  await page.getByRole("option", { name: option }).first().click();
}

async function signIn(page: Page, words: Words): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/^(Username|Nome utente)/).fill("coordinator");
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /^(Sign in|Accedi)$/ }).click();
  await page.getByRole("heading", { level: 1, name: words.welcome }).waitFor({ timeout: 45_000 });
}

const percent = (lang: string, v: number) =>
  new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(v);

async function journey(words: Words, code: string) {
  const language = await api.request("PATCH", "/api/me", { language: words.lang });
  expect(language.status).toBe(200);
  const { page } = await w.session();
  await signIn(page, words);

  // Given the programmes page, the coordinator has a "New programme" button
  await page.goto("/programmes");
  await page.getByRole("link", { name: words.newProgramme }).click();
  await settle(page, words.newProgramme);

  // When they describe a programme of their region at three sites
  await field(page, words.code).fill(code);
  await field(page, words.name).fill(`Targets ${words.lang}`);
  await choose(page, field(page, words.practice), /^IMR — /);
  const sites = field(page, words.sites);
  for (const site of ["CREMONA", "LECCO", "MONZA"]) {
    await sites.click();
    await sites.fill(site);
    await page.getByRole("option", { name: new RegExp(`^${site} —`) }).click();
  }
  await page.keyboard.press("Escape");

  // …with targets on three indicators: trained team members (80 % for the programme and every
  // site, 60 % at LECCO), the implementation team (6 at MONZA, 20 for the programme), enrolment (30)
  const targets: Array<[indicator: string, site: string | null, value: string]> = [
    [words.teamTrained, null, "80"],
    [words.teamTrained, "LECCO", "60"],
    [words.teamSize, "MONZA", "6"],
    [words.teamSize, null, "20"],
    [words.enrolled, null, "30"],
  ];
  for (const [i, [indicator, site, value]] of targets.entries()) {
    const n = i + 1;
    await page.getByRole("button", { name: words.addTarget }).click();
    await choose(page, field(page, words.indicatorOf(n)), new RegExp(`^${indicator}$`));
    if (site) await choose(page, field(page, words.siteOf(n)), new RegExp(`^${site} —`));
    await field(page, words.valueOf(n)).fill(value);
    expect(await field(page, words.directionOf(n)).inputValue()).toBe(words.higher);
  }
  await screenshot(page, `programme-targets-form-${words.lang}`, true);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: words.create }).click();

  // Then the programme page lists the targets
  await settle(page, new RegExp(`^${code} — `));
  const listed = page.getByRole("table", { name: words.targetsTable });
  await listed.waitFor();
  expect(await listed.getByRole("row").count()).toBe(1 + targets.length);
  expect(await listed.getByRole("row").filter({ hasText: "LECCO" }).textContent()).toContain(
    percent(words.lang, 0.6),
  );
  expect(await seriousViolations(page)).toEqual([]);

  // And the API has them, ratios as fractions; the coordinator now coordinates the programme
  const programmes = (await api.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  const id = programmes.find((p) => p.code === code)!.id;
  const answer = (await api.get(`/api/programmes/${id}/indicators?ids=team_trained,team_size,enrolled`))
    .json as Indicators;
  const def = (x: string) => answer.definitions.find((d) => d.id === x)!;
  expect(def("team_trained").target).toBe(0.8);
  expect(def("team_trained").siteTargets.find((s) => s.site === "LECCO")!.target).toBe(0.6);
  expect(def("team_size").target).toBe(20);
  expect(def("enrolled").target).toBe(30);
  const record = (x: string, site: string | null) =>
    answer.indicators.find((r) => r.id === x && r.site === site)!;
  const status = (x: string, site: string | null) =>
    record(x, site).targetMet ? words.onTarget : words.offTarget;

  // When they pin the three indicators and open the dashboard
  const pins = await api.request("PUT", `/api/programmes/${id}/indicator-pins`, {
    indicatorIds: ["team_trained", "team_size", "enrolled"],
  });
  expect(pins.status).toBe(200);
  await page.goto(`/programmes/${id}/dashboard`);
  await settle(page, words.dashboardTitle(code));

  // Then each tile states the programme's target in its direction and whether it is met
  const tile = (name: string) => page.getByRole("article", { name, exact: true });
  const trained = tile(words.teamTrained);
  expect(await trained.getByTestId("tile-target").textContent()).toBe(
    words.targetValue(`≥ ${percent(words.lang, 0.8)}`),
  );
  expect(await trained.textContent()).toContain(status("team_trained", null));
  expect(await tile(words.enrolled).getByTestId("tile-target").textContent()).toBe(words.targetValue("≥ 30"));
  expect(await tile(words.enrolled).textContent()).toContain(words.offTarget);
  expect(await tile(words.teamSize).getByTestId("tile-target").textContent()).toBe(words.targetValue("≥ 20"));
  await screenshot(page, `programme-targets-tiles-${words.lang}`);
  expect(await seriousViolations(page)).toEqual([]);

  // When they open the chart of trained team members by site
  await page.goto(`/programmes/${id}/dashboard/charts/team_trained`);
  await settle(page, words.teamTrained);
  // Then each site's row has its own target (LECCO's 60 %, the others the programme's 80 %)
  const bars = page.getByRole("table").filter({ has: page.getByRole("rowheader", { name: /^LECCO/ }) });
  const row = (name: string | RegExp) =>
    bars.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  expect(await row(/^LECCO/).textContent()).toContain(`≥ ${percent(words.lang, 0.6)}`);
  expect(await row(/^LECCO/).textContent()).toContain(status("team_trained", "LECCO"));
  expect(await row(/^MONZA/).textContent()).toContain(`≥ ${percent(words.lang, 0.8)}`);
  expect(await row(words.allSites).textContent()).toContain(`≥ ${percent(words.lang, 0.8)}`);
  await screenshot(page, `programme-targets-bars-${words.lang}`);
  expect(await seriousViolations(page)).toEqual([]);

  // When they open the table and show the targets beside the values
  await page.goto(`/programmes/${id}/dashboard/table`);
  await settle(page, words.tableTitle);
  await page.getByLabel(words.showTargets).check();
  const table = page.getByRole("table").first();
  const header = await table.getByRole("columnheader").allTextContents();
  const column = header.indexOf(words.targetColumn(words.teamSize));
  expect(column).toBeGreaterThan(0);
  const monza = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "MONZA" }) });
  // the row header is the first cell: the target column's cell is at index column − 1
  expect(
    await monza
      .getByRole("cell")
      .nth(column - 1)
      .textContent(),
  ).toBe("≥ 6");
  expect(await table.locator(`[data-status]`).count()).toBeGreaterThan(0);
  await screenshot(page, `programme-targets-table-${words.lang}`);
  expect(await seriousViolations(page)).toEqual([]);

  // When they follow the trend of trained team members at LECCO
  await page.goto(`/programmes/${id}/dashboard/trends?indicator=team_trained&sites=LECCO`);
  await settle(page, words.trendsTitle);
  await page.getByRole("button", { name: words.showTable }).click();
  // Then the programme's line has the programme's target, LECCO's line its own
  const targetRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: words.target }) });
  const cells = await targetRow.getByRole("cell").allTextContents();
  expect(cells).toEqual([`≥ ${percent(words.lang, 0.8)}`, `≥ ${percent(words.lang, 0.6)}`]);
  await screenshot(page, `programme-targets-trend-${words.lang}`);
  expect(await seriousViolations(page)).toEqual([]);
}

describe("targets on a coordinator's own programme", () => {
  it("in English: the coordinator creates a programme with sites and targets, and reads them on the dashboard", async () => {
    await journey(EN, "TGT-EN");
  });

  it("in Italian: the same, in the coordinator's language", async () => {
    await journey(IT, "TGT-IT");
  });
});
