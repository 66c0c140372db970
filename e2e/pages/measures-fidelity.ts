import type { Locator, Page } from "playwright-core";
import { choose, field } from "./registry.ts";

/** The form of a fidelity review: programme, scale, raters, and the rating grid. */
export class ReviewForm {
  constructor(private readonly page: Page) {}

  async waitFor(site: string): Promise<void> {
    await this.page.getByRole("heading", { level: 1, name: `New fidelity review at ${site}` }).waitFor();
  }

  async programme(name: string | RegExp): Promise<void> {
    await choose(this.page, "Programme", name);
  }

  async scale(name: string | RegExp): Promise<void> {
    await choose(this.page, "Scale", name);
  }

  async rater(n: number, name: string): Promise<void> {
    await field(this.page, `Rater ${n}`).fill(name);
  }

  /** The number field of one rater's rating of one item ("A. Rossi: item 4 …"). */
  cell(rater: string, item: string): Locator {
    return this.page.getByRole("textbox", { name: new RegExp(`^${rater}: item ${item} `) });
  }

  /** Type a rater's ratings of items 1…n, in order (null: leave the cell empty). */
  async rate(rater: string, ratings: Array<number | null>): Promise<void> {
    for (const [i, r] of ratings.entries())
      await this.cell(rater, String(i + 1)).fill(r === null ? "" : String(r));
  }

  async save(): Promise<void> {
    await this.page.getByRole("button", { name: "Save review" }).click();
  }
}

/** A saved review: scores, agreement, items, and the action plan. */
export class ReviewView {
  constructor(private readonly page: Page) {}

  get overall(): Locator {
    return this.page.getByTestId("overall");
  }

  get agreement(): Locator {
    return this.page.getByTestId("agreement");
  }

  items(): Locator {
    return this.page.getByRole("table", { name: "Item ratings" });
  }
}

/** A programme's fidelity comparison: the radar, the heat map and the table. */
export class FidelityComparison {
  constructor(private readonly page: Page) {}

  async open(programmeId: number, scale: string): Promise<void> {
    await this.page.goto(`/programmes/${programmeId}/fidelity?scale=${scale}`);
    await this.page.getByRole("heading", { level: 1, name: /^Fidelity across / }).waitFor();
  }

  get radar(): Locator {
    return this.page.getByRole("img", { name: /^Radar of the / });
  }

  /** The row of a site in the comparison table, as cell texts. */
  async row(site: string): Promise<string[]> {
    const row = this.page
      .getByRole("table", { name: /^Latest .* review per site$/ })
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name: site, exact: true }) });
    return (await row.getByRole("cell").allTextContents()).map((s) => s.trim());
  }
}
