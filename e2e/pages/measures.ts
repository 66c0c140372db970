import type { Locator, Page } from "playwright-core";
import { choose, field, segment, typeDate } from "./registry.ts";

/** The form that records an administration (item by item with live scoring, or the total). */
export class AdministrationForm {
  constructor(private readonly page: Page) {}

  async open(patientId: number, patientCode: string): Promise<void> {
    await this.page.goto(`/patients/${patientId}`);
    await this.page.getByRole("heading", { level: 1, name: `Patient ${patientCode}` }).waitFor();
    await this.page.getByRole("link", { name: "Record a measure" }).click();
    await this.page.getByRole("heading", { level: 1, name: `Record a measure for ${patientCode}` }).waitFor();
  }

  async instrument(name: string | RegExp): Promise<void> {
    await choose(this.page, "Instrument", name);
    await this.page.getByRole("button", { name: "Save administration" }).waitFor();
  }

  /** The radios of one item, by the start of its wording ("1. Little interest…") or "Item 3". */
  item(label: string | RegExp): Locator {
    return this.page.getByRole("radiogroup", { name: label });
  }

  /** Answer an item by its value (the radio named "2 More than half the days"). */
  async answer(label: string | RegExp, value: number): Promise<void> {
    await this.item(label)
      .getByRole("radio", { name: new RegExp(`^${value}\\b`) })
      .check();
  }

  async respondent(option: string): Promise<void> {
    await segment(this.page.locator("form"), "Completed by", option);
  }

  async timepoint(option: string): Promise<void> {
    await segment(this.page.locator("form"), "Timepoint", option);
  }

  async entry(option: "Item by item" | "Total only"): Promise<void> {
    await segment(this.page.locator("form"), "Entry", option);
  }

  async date(iso: string): Promise<void> {
    await typeDate(this.page, "Date of administration", iso);
  }

  get total(): Locator {
    return field(this.page, "Total score");
  }

  /** The live score card: total, band, flags. */
  get score(): Locator {
    return this.page.getByTestId("live-score");
  }

  /** Wait until the live score reads this total (with its band, when given). */
  async expectScore(total: string, band?: string): Promise<void> {
    await this.score.getByTestId("score-total").filter({ hasText: total }).waitFor();
    if (band) await this.score.getByText(band, { exact: true }).waitFor();
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="live-score"]')?.getAttribute("aria-busy") === "false",
    );
  }

  async save(): Promise<void> {
    await this.page.getByRole("button", { name: "Save administration" }).click();
  }
}

/** The measures section of the patient page. */
export class PatientMeasures {
  constructor(private readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole("region", { name: "Measures and outcomes" });
  }

  async tab(name: string): Promise<void> {
    await this.section.getByRole("tab", { name }).click();
  }

  /** The table of an instrument's scores. */
  scores(instrument: string): Locator {
    return this.section.getByRole("table", { name: `Scores of ${instrument}` });
  }

  /** The text of each row of an instrument's score table, newest first. */
  async rows(instrument: string): Promise<string[][]> {
    const rows = this.scores(instrument).locator("tbody tr");
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++)
      out.push((await rows.nth(i).getByRole("cell").allTextContents()).map((s) => s.trim()));
    return out;
  }
}
