import type { Locator, Page } from "playwright-core";
import { today } from "../../src/server/infra/time/civil-date.ts";

/** The administrators' "Indicator facts" page: one section per programme. */
export class IndicatorFactsPage {
  constructor(private readonly page: Page) {}

  /** A programme's section, named by its heading "CODE — name". */
  card(code: string): Locator {
    return this.page.getByRole("region", { name: new RegExp(`^${code} — `) });
  }

  verifyButton(code: string): Locator {
    return this.card(code).getByRole("button", { name: `Verify now ${code}` });
  }

  rebuildButton(code: string): Locator {
    return this.card(code).getByRole("button", { name: `Rebuild ${code}` });
  }

  /** The badge of the last verification (OK, n differences, not verified, facts not built). */
  badge(code: string): Locator {
    return this.card(code).locator("[data-outcome]").first();
  }

  async openHistory(code: string): Promise<Locator> {
    await this.card(code)
      .getByRole("button", { name: `Show the verification history ${code}` })
      .click();
    const table = this.card(code).getByRole("table", { name: `Verifications of ${code}, newest first` });
    await table.getByRole("row").nth(1).waitFor();
    return table;
  }

  /**
   * Pick days in the "Dates to compare" calendar (civil dates, YYYY-MM-DD), going back month by
   * month from the month shown; each day is a button named like "1 December 2026".
   */
  async pickDates(code: string, dates: string[]): Promise<void> {
    await this.card(code)
      .getByRole("button", { name: /^Dates to compare/ })
      .click();
    const shown = new Date(`${today()}T00:00:00Z`); // the month the picker opens on: the region's
    for (const date of [...dates].sort().reverse()) {
      const d = new Date(`${date}T00:00:00Z`);
      const back =
        (shown.getUTCFullYear() - d.getUTCFullYear()) * 12 + (shown.getUTCMonth() - d.getUTCMonth());
      for (let i = 0; i < back; i++) await this.page.getByRole("button", { name: "Previous month" }).click();
      shown.setUTCFullYear(d.getUTCFullYear(), d.getUTCMonth(), 1);
      const name = new Intl.DateTimeFormat("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }).format(d);
      await this.page.getByRole("button", { name, exact: true }).click();
    }
    await this.page.keyboard.press("Escape");
  }
}
