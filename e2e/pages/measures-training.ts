import type { Locator, Page } from "playwright-core";
import { choose } from "./registry.ts";

/** A programme's training page: the funnel of a chosen site, the tables, the courses. */
export class TrainingPage {
  constructor(private readonly page: Page) {}

  async open(programmeId: number): Promise<void> {
    await this.page.goto(`/programmes/${programmeId}/training`);
    await this.page.getByRole("heading", { level: 1, name: /^Training and practice in / }).waitFor();
    await this.page.getByRole("table", { name: "Per site" }).waitFor();
  }

  async site(name: string | RegExp): Promise<void> {
    await choose(this.page, "Site", name);
  }

  get chart(): Locator {
    return this.page.getByRole("img", { name: /^Training-to-practice funnel of / });
  }

  /** The sentence under the funnel: "n trained → n in the implementation team → n delivering; …". */
  async summary(): Promise<string> {
    return ((await this.page.getByTestId("funnel-summary").textContent()) ?? "").trim();
  }

  /** A site's row of the per-site table, as cell texts (professionals, trained, in team, delivering, untrained). */
  async siteRow(site: string): Promise<string[]> {
    const row = this.page
      .getByRole("table", { name: "Per site" })
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name: site, exact: true }) });
    return (await row.getByRole("cell").allTextContents()).map((s) => s.trim());
  }
}
