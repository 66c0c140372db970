import { describe, expect, it } from "vitest";
import { seriousViolations, settle } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { field, PatientPage, SitePatientsPage } from "./pages/registry.ts";
import { Shell } from "./pages/shell.ts";
import { screenshot } from "./support/browser.ts";
import { worldPerFile } from "./support/fixtures.ts";

const LECCO = 6;

const w = worldPerFile();

describe("the registry's pages and dialogs (axe-core)", () => {
  it("have no serious or critical violations, in English and in Italian, and work from the keyboard", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");
    const found: string[] = [];
    const check = async (where: string) =>
      found.push(...(await seriousViolations(page)).map((v) => `${where}: ${v}`));

    // A demo patient without a plan, from the worklists
    await page.goto(`/sites/${LECCO}/worklists`);
    await settle(page, "Worklists at LECCO");
    await check("worklists");
    const first = page.getByRole("table", { name: "Without a treatment plan" }).getByRole("link").first();
    const code = (await first.textContent())!;
    const patientUrl = (await first.getAttribute("href"))!;

    const pages: Array<[string, string | RegExp]> = [
      [`/sites/${LECCO}/patients`, "Patients at LECCO"],
      [patientUrl, `Patient ${code}`],
      [`/sites/${LECCO}/groups`, "Groups at LECCO"],
      [`/sites/${LECCO}/day-entry`, "Day entry at LECCO"],
    ];
    for (const [url, heading] of pages) {
      await page.goto(url);
      await settle(page, heading);
      await check(url);
    }
    await page.goto(`/sites/${LECCO}/groups`);
    await settle(page, "Groups at LECCO");
    await page.getByRole("table", { name: "Groups at LECCO" }).getByRole("link").first().click();
    await page.getByRole("button", { name: "Run a session" }).waitFor();
    await check("group");

    // Dialogs: a session's attendance, a new patient with the server's errors, enrolment with
    // its eligibility, the fast entry form
    await page.getByRole("button", { name: "Run a session" }).click();
    await page.getByRole("group", { name: "Attendance" }).waitFor();
    await check("session dialog");
    // Its date field's calendar, open
    await field(page.getByRole("dialog"), "Session date").click();
    await page.getByRole("button", { name: "Previous month" }).waitFor();
    await check("session dialog (calendar)");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");

    const patients = new SitePatientsPage(page);
    await patients.open(LECCO);
    await page.getByRole("button", { name: "New patient" }).click();
    const create = page.getByRole("dialog", { name: "New patient" });
    await create.getByRole("button", { name: "Register" }).click();
    await create.locator('[aria-invalid="true"]').first().waitFor();
    await check("new patient (errors)");
    await page.keyboard.press("Escape");

    await patients.search(code);
    await patients
      .row(code)
      .getByRole("button", { name: `Enrol ${code}` })
      .click();
    const enrol = page.getByRole("dialog", { name: `Enrol ${code}` });
    await field(enrol, "Programme").click();
    await page.getByRole("option").first().click();
    await enrol.getByTestId("eligibility").waitFor();
    await check("enrol dialog");
    await page.keyboard.press("Escape");

    // The fast form from the keyboard alone: n opens it on the type, arrows choose, Enter records
    await page.goto(patientUrl);
    await settle(page, `Patient ${code}`);
    const patient = new PatientPage(page);
    const entry = await patient.openFastEntry(code);
    // The focus is on the type (the chosen one, or the first)
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === "radio");
    await page.keyboard.press("ArrowRight");
    const chosen = await page.evaluate(
      () => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent,
    );
    await check("fast entry");
    await page.keyboard.press("Enter");
    await entry.dialog.getByText("1 intervention recorded").waitFor();
    await entry.dialog.getByText(new RegExp(` — ${chosen} · `)).waitFor();
    await page.keyboard.press("Escape");
    await entry.dialog.waitFor({ state: "detached" });

    // In Italian
    await new Shell(page).switchLanguage("Lecco case manager", "Italiano");
    await page.getByRole("navigation", { name: "Navigazione principale" }).waitFor();
    for (const [url, heading] of [
      [patientUrl, `Paziente ${code}`],
      [`/sites/${LECCO}/worklists`, "Liste di lavoro di LECCO"],
    ] as Array<[string, string]>) {
      await page.goto(url);
      await settle(page, heading);
      await check(`${url} (it)`);
    }
    await screenshot(page, "registry-worklists-it");
    expect(found).toEqual([]);
  });
});
