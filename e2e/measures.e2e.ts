import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page.ts";
import { AdministrationForm, PatientMeasures } from "./pages/measures.ts";
import { FidelityComparison, ReviewForm, ReviewView } from "./pages/measures-fidelity.ts";
import { TrainingPage } from "./pages/measures-training.ts";
import { choose, field, isoDaysFromToday, typeDate } from "./pages/registry.ts";
import { errorOf } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/** LECCO, where the demo clinician and site coordinator work. */
const LECCO = 6;

let w: World;
let clinician: ApiClient;
beforeAll(async () => {
  w = await createWorld();
  clinician = await ApiClient.login(w.server.url, "clinician", DEMO_PASSWORD);
});
afterAll(async () => {
  await w?.close();
});

/** A programme's id by its code. */
async function programmeId(code: string): Promise<number> {
  const list = (await clinician.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  return list.find((p) => p.code === code)!.id;
}

/** A new patient registered at LECCO through the API. */
async function newPatient(code: string, birthYear: number): Promise<number> {
  const res = await clinician.post("/api/patients", { siteId: LECCO, code, birthYear, sex: "F" });
  expect(res.status).toBe(201);
  return (res.json as { id: number }).id;
}

describe("measures in the browser", () => {
  it("enters a PHQ-9 item by item, scores it live with its band, and refuses bad input next to the field", async () => {
    const code = "E2E-PHQ-0001";
    const id = await newPatient(code, 1990);
    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");
    const form = new AdministrationForm(page);
    await form.open(id, code);
    await form.instrument(/^PHQ-9 — /);

    // Eight items answered (sum 10), item 9 left blank: prorated to 10 / 8 × 9 = 11.25 → 11, moderate
    const answers = [2, 2, 1, 1, 2, 1, 1, 0];
    for (const [i, v] of answers.entries()) await form.answer(new RegExp(`^${i + 1}\\. `), v);
    await form.expectScore("11", "Moderate");
    await form.score.getByText("8 answered, 1 missing · prorated for the missing items").waitFor();

    // Item 9 above 0: the total is the plain sum and the self-harm flag asks for a risk assessment
    await form.answer(/^9\. Thoughts that you would be better off dead/, 1);
    await form.expectScore("11", "Moderate");
    await form.score.getByText(/assess suicide risk today/).waitFor();
    // A changed answer changes the score at once: 15 is moderately severe
    await form.answer(/^1\. /, 3);
    await form.answer(/^2\. /, 3);
    await form.answer(/^5\. /, 3);
    await form.answer(/^7\. /, 2);
    await form.expectScore("15", "Moderately severe");
    await screenshot(page, "measures-phq9");

    // Total-only entry out of range: refused next to the total, the typed value kept
    await form.entry("Total only");
    await form.total.fill("30");
    await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
    expect(await errorOf(form.total)).toMatch(/0.*27/);
    expect(await form.total.inputValue()).toBe("30");

    // Back to the items: the answers are still there; a date before the birth year is refused
    await form.entry("Item by item");
    await form.expectScore("15", "Moderately severe");
    await form.date("1985-03-01");
    await form.save();
    await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
    const dateField = page.getByLabel(/^Date of administration/);
    expect(await errorOf(dateField)).toMatch(/before the patient's birth year 1990/);
    expect(await form.item(/^1\. /).getByRole("radio", { name: /^3\b/ }).isChecked()).toBe(true);

    // With a real date it is stored; the patient's outcomes show it with its band
    await form.date(isoDaysFromToday(-1));
    await form.save();
    await page.getByRole("heading", { level: 1, name: `Patient ${code}` }).waitFor();
    const measures = new PatientMeasures(page);
    await measures.scores("PHQ-9").waitFor();
    const rows = await measures.rows("PHQ-9");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(1)).toEqual([
      "Baseline",
      "Patient",
      "15",
      "Moderately severe",
      "self harm thoughts",
    ]);
    await page.mouse.move(0, 0);
    await screenshot(page, "measures-phq9-outcome", true);
    await measures.tab("Administrations");
    await measures.section.getByRole("cell", { name: "9 items (0 missing)" }).waitFor();
  });

  it("enters client and clinician IMRS item by item and compares them, total and item by item", async () => {
    const code = "E2E-IMR-0001";
    const id = await newPatient(code, 1980);
    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");
    const form = new AdministrationForm(page);
    const client = [4, 3, 3, 4, 2, 3, 3, 4, 3, 4, 3, 3, 2, 5, 5]; // 51
    const clinician = [3, 3, 2, 4, 2, 3, 2, 4, 3, 4, 2, 3, 2, 5, 4]; // 46
    for (const [instrument, answers, total] of [
      ["IMRS-CLIENT", client, "51"],
      ["IMRS-CLINICIAN", clinician, "46"],
    ] as const) {
      await form.open(id, code);
      await form.instrument(new RegExp(`^${instrument} — `));
      for (const [i, v] of answers.entries()) await form.answer(new RegExp(`^${i + 1}\\. `), v);
      await form.expectScore(total);
      await form.score
        .getByText(`Mean item score: ${(Number(total) / 15).toFixed(2).replace(/0$/, "")}`)
        .waitFor();
      await form.timepoint("Baseline");
      await form.save();
      await page.getByRole("heading", { level: 1, name: `Patient ${code}` }).waitFor();
    }

    // The patient's page pairs them: the totals, the means and the difference client − clinician
    const measures = new PatientMeasures(page);
    await measures.tab("Client and clinician IMRS");
    const pairs = measures.section.getByRole("table", { name: "Client and clinician IMRS totals" });
    await pairs.getByRole("cell", { name: "Baseline", exact: true }).waitFor();
    const cells = (await pairs.locator("tbody tr").first().getByRole("cell").allTextContents()).map((s) =>
      s.trim(),
    );
    expect(cells[0]).toBe("Baseline");
    expect(cells[1]).toMatch(/^51 \(mean 3\.4, /);
    expect(cells[2]).toMatch(/^46 \(mean 3\.07, /);
    expect(cells[3]).toBe("+5");
    // …and item by item, each difference where they differ
    const items = measures.section.getByRole("table", { name: "Item by item" });
    const rows = items.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(15);
    const diffs = [];
    for (let i = 0; i < 15; i++)
      diffs.push((await rows.nth(i).getByRole("cell").last().textContent())?.trim());
    expect(diffs).toEqual(
      client.map((c, i) => (c - clinician[i]! > 0 ? `+${c - clinician[i]!}` : String(c - clinician[i]!))),
    );
    await measures.section
      .getByRole("img", { name: /^Client and clinician ratings of each IMRS item/ })
      .waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, "measures-imrs-comparison", true);

    // The IMR summary form: nothing in the registry yet, so the provider gives the dates; a stop
    // before the start is refused next to the stop date, the other fields kept
    await measures.tab("IMR summary");
    const summary = page.getByRole("form", { name: "IMR summary form" });
    await summary.getByText("Not saved yet: the values shown come from the registry.").waitFor();
    await typeDate(summary, "Start date", isoDaysFromToday(-120));
    await typeDate(summary, "Stop date", isoDaysFromToday(-150));
    await field(summary, "Manual version").fill("SAMHSA KIT 2010");
    await field(summary, "Number of sessions").fill("12");
    await summary.getByRole("radiogroup", { name: "Format" }).getByText("Group", { exact: true }).click();
    await summary.getByRole("button", { name: "Save summary" }).click();
    const stop = field(summary, "Stop date");
    await page.waitForFunction(() => document.querySelector('form input[aria-invalid="true"]') !== null);
    expect(await errorOf(stop)).toMatch(/is before the start/);
    expect(await field(summary, "Manual version").inputValue()).toBe("SAMHSA KIT 2010");
    await typeDate(summary, "Stop date", isoDaysFromToday(-10));
    await summary.getByRole("button", { name: "Save summary" }).click();
    await summary.getByText("Saved version 1").waitFor();
    expect(await field(summary, "Number of sessions").inputValue()).toBe("12");
  });

  it("records a fidelity review by two raters, refuses bad ratings in their cells, and puts the site on the radar", async () => {
    const imr = await programmeId("IMR-LOM");
    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    await page.goto(`/sites/${LECCO}`);
    await page.getByRole("link", { name: "Fidelity reviews" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Fidelity reviews at LECCO" }).waitFor();
    await choose(page, "Programme", /^IMR-LOM — /);
    await choose(page, "Scale", "IMR Fidelity Scale");
    await page.getByRole("link", { name: "New review" }).click();
    const form = new ReviewForm(page);
    await form.waitFor("LECCO");

    // No item rated: refused, said above the grid
    await form.rater(1, "A. Rossi");
    await form.rater(2, "B. Bianchi");
    await form.save();
    await page.getByRole("alert").filter({ hasText: "no item is rated" }).waitFor();

    // A rating outside 1–5: refused in its own cell, the typed value kept
    const a = [4, 3, 5, 2, 4, 4, 3, 5, 4, 3, 4, 4, 3];
    const b = [4, 4, 5, 3, 4, 3, 3, 5, 4, 4, 4, 6, 3];
    await form.rate("A. Rossi", a);
    await form.rate("B. Bianchi", b);
    await form.save();
    const bad = form.cell("B. Bianchi", "12");
    await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
    // The cell says at once that 6 is too much; the server's sentence replaces it on saving
    await expect.poll(() => errorOf(bad)).toMatch(/whole numbers 1–5; 6 is not/);
    expect(await bad.inputValue()).toBe("6");
    expect(await form.cell("A. Rossi", "1").inputValue()).toBe("4");
    await screenshot(page, "measures-review-refused");

    // Corrected, it is saved: consensus 3.77 (moderate), 9 of 13 items exactly agreed, all within one
    await bad.fill("4");
    await form.save();
    const review = new ReviewView(page);
    await review.overall.waitFor();
    await review.overall.getByText("3.77", { exact: true }).waitFor();
    await review.overall.getByText("Moderate fidelity (3 to < 4)").waitFor();
    await review.agreement.getByText("69 %", { exact: true }).waitFor();
    await review.agreement.getByText("100 %", { exact: true }).waitFor();
    expect(await review.agreement.getByText(/^0\.\d+$|^-0\.\d+$|^1$/).count()).toBe(1);

    await page.mouse.move(0, 0);
    await screenshot(page, "measures-review", true);

    // Its three low items (≤ 3) become activities of the site's action plan with one click
    await page.getByRole("button", { name: "Turn 3 low items into actions" }).click();
    const dialog = page.getByRole("dialog", { name: "Low items → the site's action plan" });
    await dialog.getByRole("button", { name: "Add to the action plan" }).click();
    await dialog.waitFor({ state: "detached" });
    const added = page
      .getByRole("alert")
      .or(page.locator(".mantine-Alert-root"))
      .filter({ hasText: "Added to the site's action plan" });
    await added.waitFor();
    expect(await added.getByRole("listitem").count()).toBe(3);

    // The programme's comparison has LECCO on the radar, with the same numbers in the table
    const comparison = new FidelityComparison(page);
    await comparison.open(imr, "IMR-FIDELITY");
    await comparison.radar.waitFor();
    const row = await comparison.row("LECCO");
    expect(row[1]).toBe("3.77 Moderate fidelity (3 to < 4)");
    expect(row.slice(2)).toEqual(["4", "3.5", "5", "2.5", "4", "3.5", "3", "5", "4", "3.5", "4", "4", "3"]);
    await page.mouse.move(0, 0);
    await screenshot(page, "fidelity-radar");

    // …and the site's history lists the review with its agreement
    await page.goto(`/sites/${LECCO}/fidelity?programmeId=${imr}&scale=IMR-FIDELITY`);
    const history = page.getByRole("table", { name: "Reviews on the IMR Fidelity Scale" });
    await history.getByRole("cell", { name: "The site" }).waitFor();
    expect((await history.locator("tbody tr").first().getByRole("cell").allTextContents()).slice(1)).toEqual([
      "The site",
      "3.77 Moderate fidelity (3 to < 4)",
      "2",
      expect.stringMatching(/^-?\d\.\d+$|^1$|^0$/),
    ]);
    await screenshot(page, "measures-site-fidelity-history");
  });

  it("shows a site's training funnel, which a completed course moves", async () => {
    const bpd = await programmeId("BPD-LOM");
    const coordinator = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
    const pros = (await coordinator.get(`/api/professionals?siteId=${LECCO}`)).json as Array<{
      id: number;
      code: string;
      trained: boolean;
    }>;
    const untrained = pros.find((p) => !p.trained)!;
    expect(untrained).toBeDefined();
    const before = (await coordinator.get(`/api/programmes/${bpd}/training-funnel`)).json as {
      sites: Array<{
        siteCode: string;
        professionals: number;
        trained: number;
        trainedInTeam: number;
        delivering: number;
      }>;
    };
    const lecco = before.sites.find((s) => s.siteCode === "LECCO")!;

    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    await page.goto(`/programmes/${bpd}`);
    await page.getByRole("link", { name: "Training funnel" }).click();
    const training = new TrainingPage(page);
    await page.getByRole("heading", { level: 1, name: "Training and practice in BPD-LOM" }).waitFor();
    await training.site(/^LECCO — /);
    await page.getByRole("heading", { name: "Funnel: LECCO" }).waitFor();
    await training.chart.waitFor();
    expect(await training.summary()).toMatch(
      new RegExp(
        `^${lecco.trained} trained → ${lecco.trainedInTeam} in the implementation team → ${lecco.delivering} delivering;`,
      ),
    );
    expect((await training.siteRow("LECCO")).slice(0, 2)).toEqual([
      String(lecco.professionals),
      String(lecco.trained),
    ]);
    await screenshot(page, "measures-training-funnel");

    // A course of the programme, completed by an untrained professional of LECCO…
    await page.getByRole("button", { name: "New course" }).click();
    const dialog = page.getByRole("dialog", { name: "New course" });
    await field(dialog, "Code").fill("E2E-DBT-101");
    await field(dialog, "Title").fill("DBT skills for case managers");
    await field(dialog, "Topic").fill("DBT skills training");
    await field(dialog, "Hours").fill("16");
    await typeDate(dialog, "Start date", isoDaysFromToday(-30));
    await typeDate(dialog, "End date", isoDaysFromToday(-29));
    await dialog.getByRole("radiogroup", { name: "Mode" }).getByText("In person", { exact: true }).click();
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("link", { name: "DBT skills for case managers" }).click();
    await page.getByRole("heading", { level: 1, name: "DBT skills for case managers" }).waitFor();
    await choose(page, "Site", "LECCO");
    await page.getByLabel(`${untrained.code} attended`).check();
    await page.getByLabel(`${untrained.code} completed`).check();
    // …whose satisfaction of 7 is refused next to it, then 5 is saved
    const satisfaction = page.getByLabel(`Satisfaction of ${untrained.code}`);
    await satisfaction.fill("7");
    await page.getByRole("button", { name: "Save attendance" }).click();
    await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
    expect(await errorOf(satisfaction)).toMatch(/5 or less/);
    await satisfaction.fill("5");
    await page.getByRole("button", { name: "Save attendance" }).click();
    await page.getByText("1 completed", { exact: true }).waitFor();
    await page.getByText("Satisfaction: 5 / 5").waitFor();

    // …is one more trained at LECCO
    await training.open(bpd);
    await training.site(/^LECCO — /);
    await expect.poll(() => training.summary()).toMatch(new RegExp(`^${lecco.trained + 1} trained → `));

    // Supervision of that professional, recorded on the site's workforce page
    await page.goto(`/sites/${LECCO}/workforce`);
    await page.getByRole("heading", { level: 1, name: "Workforce at LECCO" }).waitFor();
    await page.getByRole("button", { name: "Record supervision" }).click();
    const supervision = page.getByRole("dialog", { name: "Record supervision" });
    await field(supervision, "Supervisor").fill("Dr. Verdi (DBT supervisor)");
    await supervision.getByRole("radiogroup", { name: "Format" }).getByText("Group", { exact: true }).click();
    await choose(supervision, "Professionals supervised", new RegExp(`^${untrained.code} `));
    await page.keyboard.press("Escape");
    await supervision.getByRole("button", { name: "Save" }).click();
    await supervision.waitFor({ state: "detached" });
    const sessions = page.getByRole("table", { name: "Supervision sessions" });
    const row = (await sessions.locator("tbody tr").first().getByRole("cell").allTextContents()).map((x) =>
      x.trim(),
    );
    expect(row.slice(1)).toEqual(["Dr. Verdi (DBT supervisor)", "Group", "60 minutes", untrained.code]);
  });

  it("loads a service's licensed wording of a score-only instrument, refusing a missing item next to it", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    await page.goto("/measures/library");
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "ZAN-BPD", exact: true }) });
    await row.getByText("Score entry only").waitFor();
    await row.getByRole("link", { name: "ZAN-BPD" }).click();
    await page.getByRole("heading", { level: 1, name: /^ZAN-BPD — / }).waitFor();
    const form = page.getByRole("region", { name: "The service's licensed wording" });
    await field(form, "Licence held (who, terms)").fill(
      "Licensed to ASST Lecco by the copyright holder, 2026–2028",
    );
    for (let i = 1; i <= 8; i++) await field(form, `Item ${i}`).fill(`Licensed wording of sector item ${i}`);
    await field(form, "Item 1, answer 0").fill("No symptoms");
    await form.getByRole("button", { name: "Save wording" }).click();
    const ninth = field(form, "Item 9");
    await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
    expect(await errorOf(ninth)).toBe("item 9 needs its wording");
    expect(await field(form, "Item 8").inputValue()).toBe("Licensed wording of sector item 8");
    await ninth.fill("Licensed wording of sector item 9");
    await form.getByRole("button", { name: "Save wording" }).click();
    await page.getByText("Wording saved (version 1)").waitFor();

    // The library says so, and the instrument's items now carry the wording
    await page.getByRole("cell", { name: "Licensed wording of sector item 9" }).waitFor();
    await page.getByRole("cell", { name: /^0 No symptoms · 1 · 2/ }).waitFor();
    await page.goto("/measures/library");
    await row.getByText("Licensed wording loaded").waitFor();
  });
});
