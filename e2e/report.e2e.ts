import { describe, expect, it } from "vitest";
import { pdfText } from "../tests/report/pdf-text.ts";
import { seriousViolations } from "./pages/axe.ts";
import { DashboardPage } from "./pages/dashboard-page.ts";
import { LoginPage } from "./pages/login-page.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { demoProgramme, worldPerFile } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

let bpd: { id: number; code: string };
const w = worldPerFile(async () => {
  bpd = await demoProgramme(w, "BPD-LOM");
});

/** The programme's enrolled patients as the indicators API gives them to `user` on `asOf`. */
async function enrolled(user: string, asOf: string): Promise<number> {
  const api = await ApiClient.login(w.server.url, user, DEMO_PASSWORD);
  const res = await api.get(`/api/programmes/${bpd.id}/indicators?asOf=${asOf}&ids=enrolled`);
  expect(res.status).toBe(200);
  const rows = (res.json as { indicators: Array<{ site: string | null; value: number }> }).indicators;
  return rows.find((r) => r.site === null)!.value;
}

describe("the monitoring report", () => {
  it("a coordinator downloads the PDF from the dashboard; a viewer the HTML, with small cells withheld", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const d = new DashboardPage(page);
    await page.goto(`/programmes/${bpd.id}`);
    await page.getByRole("link", { name: "Open the dashboard" }).click();
    await d.heading("BPD-LOM dashboard");
    await d.settle();
    const asOf = await d.asOf();

    // The overview with its report button passes axe
    expect(await seriousViolations(page)).toEqual([]);

    // When the coordinator opens the report menu, it offers the last twelve months as PDF and HTML
    await page.getByRole("button", { name: "Monitoring report" }).click();
    const pdfItem = page.getByRole("menuitem", { name: /^PDF, / });
    await pdfItem.waitFor();
    await screenshot(page, "report-menu", true);
    // and so does the open menu: its children are menu items only (no focusable placeholder)
    expect(await seriousViolations(page)).toEqual([]);

    // Then the PDF downloads, and its figures are the API's as of the dashboard's date
    const pdf = await d.download(() => pdfItem.click());
    expect(pdf.name).toMatch(new RegExp(`^report-BPD-LOM-\\d{4}-\\d{2}-\\d{2}-${asOf}-en\\.pdf$`));
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf.bytes);
    expect(text).toContain("Monitoring report");
    expect(text).toContain(`${await enrolled("coordinator", asOf)} patients enrolled up to ${asOf}`);
    expect(text).not.toContain("is withheld");

    // And a viewer gets the HTML with the viewers' suppression
    const viewer = await w.session();
    await new LoginPage(viewer.page).signInAs("viewer");
    const v = new DashboardPage(viewer.page);
    await viewer.page.goto(`/programmes/${bpd.id}`);
    await viewer.page.getByRole("link", { name: "Open the dashboard" }).click();
    await v.heading("BPD-LOM dashboard");
    await v.settle();
    await viewer.page.getByRole("button", { name: "Monitoring report" }).click();
    const html = await v.download(() => viewer.page.getByRole("menuitem", { name: /^HTML, / }).click());
    expect(html.name).toMatch(/\.html$/);
    const body = html.bytes.toString("utf8");
    expect(body).toContain("a cell counting 1–4 people is withheld");
    expect(body).toContain(`${await enrolled("viewer", asOf)} patients enrolled up to ${asOf}`);
    expect(body.match(/<svg /g)?.length).toBeGreaterThanOrEqual(10);
  });
});
