import fs from "node:fs";
import type { Download, Locator, Page } from "playwright-core";
import { labelled } from "./shell.ts";

export type DashboardView = "Overview" | "Charts" | "Trends" | "Table" | "Indicators";

/** A programme's monitoring dashboard: its views, tiles, charts, tables and downloads. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  /** Every query on the page has answered: no loading indicator is left. */
  async settle(): Promise<void> {
    await this.page.getByRole("heading", { level: 1 }).waitFor();
    await this.page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0);
  }

  async heading(name: string | RegExp): Promise<void> {
    await this.page.getByRole("heading", { level: 1, name }).waitFor();
    await this.settle();
  }

  get views(): Locator {
    return this.page.getByRole("navigation", { name: /Dashboard views|Viste del cruscotto/ });
  }

  async go(view: DashboardView): Promise<void> {
    await this.views.getByRole("link", { name: view, exact: true }).click();
    await this.page.locator('[aria-current="page"]').filter({ hasText: view }).first().waitFor();
    await this.settle();
  }

  /** The reference date shown in the "As of" field (YYYY-MM-DD). */
  async asOf(): Promise<string> {
    return this.page.getByLabel(labelled("As of")).inputValue();
  }

  tile(name: string): Locator {
    return this.page.getByRole("article", { name, exact: true });
  }

  async tileValue(name: string): Promise<{ value: string; fraction: string }> {
    const tile = this.tile(name);
    return {
      value: ((await tile.getByTestId("tile-value").textContent()) ?? "").trim(),
      fraction: ((await tile.getByTestId("tile-fraction").textContent()) ?? "").trim(),
    };
  }

  /** Coordinators: choose the overview's tiles, in order. */
  async pin(labels: string[]): Promise<void> {
    await this.page.getByRole("button", { name: "Choose headline indicators" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Headline indicators" });
    const input = dialog
      .locator("input")
      .and(dialog.getByLabel(labelled("Indicators, in the order of the tiles")));
    for (const label of labels) {
      await input.click();
      await input.fill(label);
      await this.page.getByRole("option", { name: label, exact: true }).click();
    }
    await this.page.keyboard.press("Escape");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
  }

  /** A table by its caption. */
  table(caption: string | RegExp): Locator {
    return this.page.getByRole("table", { name: caption });
  }

  /** The row whose header cell is `name` (a site code, an indicator, a month). */
  row(table: Locator, name: string | RegExp): Locator {
    return table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name }) });
  }

  /** Click something that downloads a file; its name and bytes. */
  async download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
    const waiting: Promise<Download> = this.page.waitForEvent("download");
    await click();
    const download = await waiting;
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(path) };
  }

  /** A chart's Download menu, then PNG or SVG. */
  async downloadChart(format: "PNG" | "SVG"): Promise<{ name: string; bytes: Buffer }> {
    await this.page
      .getByRole("button", { name: /^Download the chart of/ })
      .first()
      .click();
    return this.download(() => this.page.getByRole("menuitem", { name: `Download ${format}` }).click());
  }
}
