import type { Locator, Page } from "playwright-core";

/** The import page: upload, the job's progress, its report. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/imports");
    await this.page.getByRole("heading", { level: 1, name: "Import and export" }).waitFor();
  }

  /** Choose files (CSV files or a zip, from disk) and start the import. */
  async upload(paths: string[]): Promise<void> {
    await this.page.locator('input[type="file"]').setInputFiles(paths);
    await this.page.getByText(paths.length === 1 ? /^1 file: / : `${paths.length} files: `).waitFor();
    await this.page.getByRole("button", { name: "Import", exact: true }).click();
  }

  /** Wait until the job is done or rejected; returns which. */
  async finished(): Promise<"done" | "rejected"> {
    const badge = this.page.locator("[data-status='done'], [data-status='rejected']");
    await badge.waitFor({ timeout: 60_000 });
    return (await badge.getAttribute("data-status")) as "done" | "rejected";
  }

  /** The problems of one file as `line: column: message`. */
  async problems(file: string): Promise<string[]> {
    const table = this.page.getByRole("table", { name: `Problems in ${file}` });
    const rows = await table.locator("tbody tr").all();
    const out: string[] = [];
    for (const row of rows) {
      const cells = (await row.getByRole("cell").allTextContents()).map((c) => c.trim());
      out.push(`${cells[0]}: ${cells[1]}: ${cells[2]}`);
    }
    return out;
  }

  get counts(): Locator {
    return this.page.getByRole("table", { name: "Rows per file" });
  }

  /** A file's counts row: rows, inserted, updated, unchanged. */
  async countsOf(file: string): Promise<number[]> {
    const row = this.counts
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: file, exact: true }) });
    const cells = await row.getByRole("cell").allTextContents();
    return cells.slice(1).map((c) => Number(c.replace(/\D/g, "")));
  }
}
