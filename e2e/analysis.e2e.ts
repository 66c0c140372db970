import fs from "node:fs";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, settle } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { choose } from "./pages/registry.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

let w: World;
let bpd: number;
beforeAll(async () => {
  w = await createWorld();
  const admin = await ApiClient.login(w.server.url, "admin", DEMO_PASSWORD);
  const list = (await admin.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  bpd = list.find((p) => p.code === "BPD-LOM")!.id;
});
afterAll(async () => {
  await w?.close();
});

/** From the programme's page to its analysis, by the link a user would click. */
async function openAnalysis(page: Page) {
  await page.goto(`/programmes/${bpd}`);
  await page.getByRole("link", { name: "Open the analysis" }).click();
  await settle(page, "Analysis — BPD-LOM");
}

/** Pick an option of a select by its label (the registry pages' helper, exact option names). */
const pick = (page: Page, label: string, option: string) =>
  choose(page, label, new RegExp(`^${option.replace(/[()'’.*+?]/g, "\\$&")}$`));

const result = (page: Page) => page.getByTestId("analysis-result");

describe("analysis in the browser", () => {
  it("a coordinator runs a preset and a custom test, reads a refusal's reason and downloads the table", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    await openAnalysis(page);

    // The Ferrara preset: the BPD programme has no IMRS pairs, so the paired test says why it cannot run
    await page
      .getByRole("button", { name: /^Run: Client versus clinician IMRS total of the same patient/ })
      .click();
    await result(page)
      .getByRole("heading", { name: /Client and clinician IMRS \(pair\)/ })
      .waitFor();
    await expect
      .poll(() => page.getByTestId("analysis-refusal").first().textContent())
      .toMatch(/^Too few patients: the test needs at least 2/);

    // A custom test: age at enrolment by site, one-way ANOVA
    await pick(page, "Outcome", "Age at enrolment");
    await pick(page, "Grouping", "Site");
    await pick(page, "Test", "One-way ANOVA");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const anova = page.getByRole("region", { name: /^One-way ANOVA · All/ });
    await anova.getByText("p (two-sided)").waitFor();
    await expect.poll(() => result(page).getByRole("row").count()).toBeGreaterThan(3);
    await result(page)
      .getByRole("img", { name: /^Chart of Age at enrolment · Site/ })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "analysis-coordinator-anova", true);

    // The table as CSV: the header and one row per site plus the row of all
    const waiting: Promise<Download> = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const download = await waiting;
    expect(download.suggestedFilename()).toMatch(/^BPD-LOM_analysis_age_site_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs
      .readFileSync(await download.path(), "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(csv[0]).toBe("Site,n,%,Mean,SD,Median,Q1,Q3");
    expect(csv.at(-1)).toMatch(/^All,\d+,100,/);
    const xlsxWaiting: Promise<Download> = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download XLSX" }).click();
    const xlsx = fs.readFileSync(await (await xlsxWaiting).path());
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");

    // Welch's t-test over more than two age bands: refused, with the reason and what to use instead
    await pick(page, "Grouping", "Age band");
    await pick(page, "Test", "Welch's t-test");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect
      .poll(() => page.getByTestId("analysis-refusal").first().textContent())
      .toMatch(
        /^This test compares exactly two groups; the grouping gives \d+\. Use ANOVA or Kruskal–Wallis\./,
      );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "analysis-coordinator-refusal", true);
  });

  it("a viewer sees small groups hidden and no test over them", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("viewer");
    await openAnalysis(page);
    await pick(page, "Outcome", "Enrolment still active");
    await pick(page, "Grouping", "Site");
    await pick(page, "Test", "Chi-square");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await result(page)
      .getByText(/^Groups of 1–4 patients are hidden/)
      .waitFor();
    await expect
      .poll(() =>
        result(page)
          .getByText(/^Hidden: fewer than 5 patients/)
          .count(),
      )
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId("analysis-refusal").first().textContent())
      .toBe("Not shown: some groups are hidden to protect small numbers of patients.");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "analysis-viewer-suppressed", true);
  });
});
