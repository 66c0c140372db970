import { describe, expect, it } from "vitest";
import { seriousViolations } from "./pages/axe.ts";
import { DashboardPage } from "./pages/dashboard-page.ts";
import { LoginPage } from "./pages/login-page.ts";
import { Shell } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { demoProgramme, worldPerFile } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

let bpd: { id: number; code: string };
const w = worldPerFile(async () => {
  bpd = await demoProgramme(w, "BPD-LOM");
});

describe("report texts", () => {
  it("a coordinator rewords the introduction in Italian and finds it in the Italian HTML report", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    // Given the coordinator works in Italian
    await new Shell(page).switchLanguage("Regional Implementation Group", "Italiano");
    const d = new DashboardPage(page);
    await page.goto(`/programmes/${bpd.id}`);
    await page.getByRole("link", { name: "Apri il cruscotto" }).click();
    await d.heading("Cruscotto BPD-LOM");
    await d.settle();

    // When they open "Testi del rapporto…" from the report menu
    await page.getByRole("button", { name: "Rapporto di monitoraggio" }).click();
    await page.getByRole("menuitem", { name: "Testi del rapporto…" }).click();
    const dialog = page.getByRole("dialog", { name: "Testi del rapporto" });
    await dialog.waitFor();
    expect(await dialog.getByRole("tab", { name: "Italiano" }).getAttribute("aria-selected")).toBe("true");
    const text = dialog.getByRole("textbox", { name: "Testo" });
    expect(await text.inputValue()).toContain("si svolge in {sites} sedi");

    // A placeholder the introduction does not have is refused, naming it
    await text.fill("{programme} nella {regione}");
    await dialog.getByRole("button", { name: "Salva" }).click();
    await dialog.getByText("{regione}").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "report-texts-refused");

    // They write their own introduction and save it
    const mine = "Il programma {programme} ({code}) è attivo in {sites} sedi della Lombardia.";
    await text.fill(mine);
    await dialog.getByRole("button", { name: "Salva" }).click();
    await dialog.getByText("personalizzato", { exact: true }).waitFor();
    await screenshot(page, "report-texts-saved");
    await dialog.getByRole("button", { name: "Chiudi" }).first().click();
    await dialog.waitFor({ state: "detached" });

    // Then the Italian HTML report has it, filled with the programme's figures
    await page.getByRole("button", { name: "Rapporto di monitoraggio" }).click();
    const html = await d.download(() => page.getByRole("menuitem", { name: /^HTML, / }).click());
    expect(html.name).toMatch(/-it\.html$/);
    const body = html.bytes.toString("utf8");
    expect(body).toMatch(/Il programma [^<]+ \(BPD-LOM\) è attivo in \d+ sedi della Lombardia\./);
  });

  it("refuses a save based on a stale version, and resets to the default", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    await page.goto(`/programmes/${bpd.id}`);
    await page.getByRole("link", { name: "Open the dashboard" }).click();
    const d = new DashboardPage(page);
    await d.settle();
    await page.getByRole("button", { name: "Monitoring report" }).click();
    await page.getByRole("menuitem", { name: "Report texts…" }).click();
    const dialog = page.getByRole("dialog", { name: "Report texts" });
    await dialog.getByRole("tab", { name: "Italian" }).click();
    const text = dialog.getByRole("textbox", { name: "Text" });
    await text.waitFor();
    expect(await text.inputValue()).toContain("è attivo in {sites} sedi della Lombardia");

    // Someone else saves meanwhile
    const other = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
    const current = (await other.get(`/api/programmes/${bpd.id}/report/texts?lang=it`)).json as {
      sections: Array<{ section: string; version: number }>;
    };
    const version = current.sections.find((s) => s.section === "programmeIntro")!.version;
    const put = await other.request("PUT", `/api/programmes/${bpd.id}/report/texts/it/programmeIntro`, {
      text: "Versione del collega: {programme}.",
      baseVersion: version,
    });
    expect(put.status).toBe(200);

    await text.fill("La mia versione: {programme}.");
    await dialog.getByRole("button", { name: "Save" }).click();
    const alert = dialog.getByRole("alert").filter({ hasText: "Someone else saved a newer version" });
    await alert.waitFor();
    await screenshot(page, "report-texts-stale");
    await alert.getByRole("button", { name: "Load the latest version" }).click();
    await alert.waitFor({ state: "detached" });
    expect(await dialog.getByRole("textbox", { name: "Text" }).inputValue()).toBe(
      "Versione del collega: {programme}.",
    );

    await dialog.getByRole("button", { name: "Reset to default" }).click();
    await dialog.getByText("default", { exact: true }).waitFor();
    expect(await dialog.getByRole("textbox", { name: "Text" }).inputValue()).toContain(
      "si svolge in {sites} sedi",
    );
  });
});
