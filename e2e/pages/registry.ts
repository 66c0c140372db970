import type { Locator, Page } from "playwright-core";
import { addDays, today } from "../../src/server/infra/time/civil-date.ts";
import { labelled } from "./shell.ts";

/** A civil date `days` days from the region's today (negative: in the past), the day the app and server use. */
export function isoDaysFromToday(days: number): string {
  return addDays(today(), days);
}

/** An input, text area or combobox by its label ("Programme" matches "Programme *"). */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.locator("input, textarea").and(scope.getByLabel(labelled(label)));
}

/** Pick an option of a Mantine Select by (part of) its label. */
export async function choose(scope: Page | Locator, label: string, option: string | RegExp): Promise<void> {
  const page = "page" in scope ? scope.page() : scope;
  await field(scope, label).click();
  await page.getByRole("option", { name: option }).first().click();
}

/** Type a date into a date field; Escape closes its calendar (Enter would submit the form). */
export async function typeDate(scope: Page | Locator, label: string, iso: string): Promise<void> {
  const page = "page" in scope ? scope.page() : scope;
  const input = field(scope, label);
  await input.click();
  await input.fill(iso);
  await page.keyboard.press("Escape");
}

/** Choose one of a segmented control's options (its radios carry the options' labels). */
export async function segment(scope: Locator, group: string, option: string): Promise<void> {
  await scope.getByRole("radiogroup", { name: group }).getByText(option, { exact: true }).click();
}

export interface NewPatient {
  code: string;
  birthYear: number;
  sex: "Female" | "Male" | "Other" | "Unknown";
  area?: string;
  firstContact?: string;
}

/** A site's patients: search, register, enrol. */
export class SitePatientsPage {
  constructor(private readonly page: Page) {}

  async open(siteId: number): Promise<void> {
    await this.page.goto(`/sites/${siteId}/patients`);
    await this.page.getByRole("heading", { level: 1, name: /^Patients at / }).waitFor();
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: /^Patients known at / });
  }

  row(code: string): Locator {
    return this.table
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name: code, exact: true }) });
  }

  async search(prefix: string): Promise<void> {
    await this.page.getByLabel("Search by code").fill(prefix);
  }

  /** Register a patient; the enrolment dialog opens next (returned). */
  async register(p: NewPatient): Promise<EnrolDialog> {
    await this.page.getByRole("button", { name: "New patient" }).click();
    const dialog = this.page.getByRole("dialog", { name: "New patient" });
    await field(dialog, "Pseudonymous code").fill(p.code);
    await field(dialog, "Birth year").fill(String(p.birthYear));
    await segment(dialog, "Sex", p.sex);
    if (p.area) await field(dialog, "Residence area").fill(p.area);
    if (p.firstContact) await typeDate(dialog, "First contact", p.firstContact);
    await dialog.getByRole("button", { name: "Register" }).click();
    await dialog.waitFor({ state: "detached" });
    return new EnrolDialog(this.page, p.code);
  }
}

/** The enrolment dialog with its eligibility result. */
export class EnrolDialog {
  readonly dialog: Locator;

  constructor(page: Page, code: string) {
    this.dialog = page.getByRole("dialog", { name: `Enrol ${code}` });
  }

  async fill(v: { programme: string | RegExp; date?: string; primary?: string }): Promise<void> {
    await this.dialog.waitFor();
    await choose(this.dialog, "Programme", v.programme);
    if (v.date) await typeDate(this.dialog, "Enrolment date", v.date);
    if (v.primary !== undefined) await field(this.dialog, "Primary diagnosis").fill(v.primary);
  }

  get eligibility(): Locator {
    return this.dialog.getByTestId("eligibility");
  }

  /** The eligibility checks as the dialog shows them, e.g. "Age band: met". */
  async checks(): Promise<string[]> {
    const items = this.eligibility.locator("li p:first-child");
    return (await items.allTextContents()).map((s) => s.trim());
  }
}

/** The patient page: header, early window, plans, timeline, fast entry. */
export class PatientPage {
  constructor(private readonly page: Page) {}

  async waitFor(code: string): Promise<void> {
    await this.page.getByRole("heading", { level: 1, name: `Patient ${code}` }).waitFor();
  }

  earlyWindow(programme: string): Locator {
    return this.page.getByRole("region", { name: new RegExp(`^${programme} · `) });
  }

  get plans(): Locator {
    return this.page.getByRole("table", { name: "Treatment plans" });
  }

  get timeline(): Locator {
    return this.page.getByRole("region", { name: "Timeline" });
  }

  /** Open the fast entry form with its keyboard shortcut. */
  async openFastEntry(code: string): Promise<FastEntry> {
    // Away from any field (a typed "n" would go there), as after reading the page
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press("n");
    const entry = new FastEntry(this.page, code);
    await entry.dialog.waitFor();
    return entry;
  }
}

/** The fast intervention entry form. */
export class FastEntry {
  readonly dialog: Locator;

  constructor(
    private readonly page: Page,
    code: string,
  ) {
    this.dialog = page.getByRole("dialog", { name: `Record an intervention for ${code}` });
  }

  async type(label: string): Promise<void> {
    await this.dialog.getByRole("group", { name: "Type" }).getByText(label, { exact: true }).click();
  }

  async recipient(label: "Patient" | "Family" | "Both"): Promise<void> {
    await segment(this.dialog, "Recipient", label);
  }

  /** Press Enter (from wherever the focus is) and wait for the count of recorded interventions. */
  async enter(expectedCount: number): Promise<void> {
    await this.page.keyboard.press("Enter");
    await this.dialog
      .getByText(
        expectedCount === 1 ? "1 intervention recorded" : `${expectedCount} interventions recorded`,
        { exact: true },
      )
      .waitFor();
    // …and the form is ready for the next one
    await this.dialog.locator('button[type="submit"]:not([data-loading])').waitFor();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole("button", { name: "Done" }).click();
    await this.dialog.waitFor({ state: "detached" });
  }
}

/** A site's four worklists. */
export class WorklistsPage {
  constructor(private readonly page: Page) {}

  async open(siteId: number): Promise<void> {
    await this.page.goto(`/sites/${siteId}/worklists`);
    await this.page.getByRole("heading", { level: 1, name: /^Worklists at / }).waitFor();
    await this.page.getByRole("table", { name: "Without a case manager" }).waitFor();
  }

  list(title: string): Locator {
    return this.page.getByRole("table", { name: title, exact: true });
  }

  /** Every patient code of a list (all rows shown). */
  async codes(title: string): Promise<string[]> {
    const section = this.page.getByRole("region", { name: title, exact: true });
    const all = section.getByRole("button", { name: /^Show all/ });
    if (await all.count()) await all.click();
    return this.list(title).getByRole("link").allTextContents();
  }
}
