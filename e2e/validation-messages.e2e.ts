import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page.ts";
import { choose, field, segment } from "./pages/registry.ts";
import { errorOf, labelled, Shell } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { worldPerFile } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/** LECCO in the demo region. */
const LECCO = 6;
/** zod's and the programmer's phrasing, which must never reach a person. */
const RAW = /Invalid input|expected|received|Invalid option|overrideReason|positive whole number/;

const w = worldPerFile();

/**
 * Every invalid control of `scope` has its message beside it (aria-describedby), and no message on
 * the page — beside a field or above the buttons — is raw validation text. Returns the messages.
 */
async function messagesBesideFields(scope: Locator): Promise<string[]> {
  const invalid = scope.locator('[aria-invalid="true"]');
  await invalid.first().waitFor();
  const messages: string[] = [];
  for (let i = 0; i < (await invalid.count()); i++) {
    const message = await errorOf(invalid.nth(i));
    expect(message, `invalid control ${i} has no message beside it`).toBeTruthy();
    messages.push(message!);
  }
  const shown = await scope.locator('[class*="-error"], [role="alert"]').allTextContents();
  for (const m of [...messages, ...shown]) expect(m).not.toMatch(RAW);
  return messages;
}

const submitOf = (dialog: Locator) => dialog.locator('button[type="submit"]');

/** Counts the writes the page sends to `path` from now on. */
function postsTo(page: Page, path: string): () => number {
  let n = 0;
  page.on("request", (r) => {
    if (r.method() !== "GET" && new URL(r.url()).pathname === path) n++;
  });
  return () => n;
}

async function newPatientDialog(page: Page, title: string, button: string): Promise<Locator> {
  await page.goto(`/sites/${LECCO}/patients`);
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.waitFor();
  return dialog;
}

describe("validation messages people can act on, beside the field, in their language", () => {
  it("walks the main forms with empty and wrong values in English, then in Italian", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");

    // ── English ──────────────────────────────────────────────────────────────────────────
    // A new patient with nothing filled in: the required fields are marked and named
    let dialog = await newPatientDialog(page, "New patient", "New patient");
    expect(await dialog.getByText("Sex").locator("..").textContent()).toMatch(/\*/);
    await field(dialog, "Birth year").pressSequentially("19ab");
    expect(await errorOf(field(dialog, "Birth year"))).toBe("Birth year must be a whole number");
    // The letters stay, with the message, and the form is not sent while they are there
    expect(await field(dialog, "Birth year").inputValue()).toBe("19ab");
    const sent = postsTo(page, "/api/patients");
    await submitOf(dialog).click();
    await page.waitForTimeout(300);
    expect(sent()).toBe(0);
    expect(await field(dialog, "Birth year").inputValue()).toBe("19ab");
    expect(await errorOf(field(dialog, "Birth year"))).toBe("Birth year must be a whole number");
    await field(dialog, "Birth year").fill("");
    await submitOf(dialog).click();
    await page.waitForFunction(() => document.querySelectorAll('[aria-invalid="true"]').length >= 2);
    let messages = await messagesBesideFields(dialog);
    expect(messages).toEqual(expect.arrayContaining(["Birth year is required", "Sex is required"]));
    expect(await errorOf(dialog.getByRole("radiogroup", { name: "Sex" }))).toBe("Sex is required");
    await screenshot(page, "validation-new-patient-en");
    await page.keyboard.press("Escape");

    // A patient who does not meet the programme's rules: the reason is asked for beside it
    dialog = await newPatientDialog(page, "New patient", "New patient");
    await field(dialog, "Pseudonymous code").fill("E2E-MSG-1");
    await field(dialog, "Birth year").fill("1990");
    await segment(dialog, "Sex", "Female");
    await submitOf(dialog).click();
    const enrol = page.getByRole("dialog", { name: "Enrol E2E-MSG-1" });
    await enrol.waitFor();
    await choose(enrol, "Programme", /^BPD-LOM — /);
    await field(enrol, "Primary diagnosis").fill("F32.1");
    await enrol.getByTestId("eligibility").getByText("Not eligible").waitFor();
    await enrol.getByRole("button", { name: "Enrol anyway" }).click();
    const reason = field(enrol, "Reason for enrolling anyway");
    await page.waitForFunction(
      () => document.querySelector('[role="dialog"] [aria-invalid="true"]') !== null,
    );
    messages = await messagesBesideFields(enrol);
    expect(await errorOf(reason)).toMatch(
      /^Reason for enrolling anyway is required because the patient does not meet .*the target diagnosis.*: say why you enrol them anyway$/,
    );
    await page.keyboard.press("Escape");

    // A team member with −5 training hours and no profile: refused, not saved as 0
    await page.goto(`/sites/${LECCO}`);
    await page.getByRole("button", { name: "Add professional" }).click();
    dialog = page.getByRole("dialog", { name: "Add professional" });
    await dialog.getByLabel(labelled("Professional code")).fill("E2E-NEG");
    const hours = field(dialog, "Training hours");
    await hours.fill("-5");
    expect(await errorOf(hours)).toBe("Training hours must be 0 or more");
    await submitOf(dialog).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[role="dialog"] [aria-invalid="true"]').length >= 2,
    );
    messages = await messagesBesideFields(dialog);
    expect(messages).toEqual(
      expect.arrayContaining(["Profile is required", "Training hours must be 0 or more"]),
    );
    expect(await hours.inputValue()).toBe("-5");
    await screenshot(page, "validation-team-member-en");
    await page.keyboard.press("Escape");

    // A programme with nothing chosen: no "positive whole number", the practice is named
    await page.goto("/programmes/new");
    const form = page.getByRole("form", { name: "New programme" });
    await form.waitFor();
    await form.locator('button[type="submit"]').click();
    messages = await messagesBesideFields(form);
    expect(messages).toEqual(expect.arrayContaining(["Code is required", "Practice is required"]));

    // ── Italiano ─────────────────────────────────────────────────────────────────────────
    await new Shell(page).switchLanguage("Regional IT office", "Italiano");
    dialog = await newPatientDialog(page, "Nuovo paziente", "Nuovo paziente");
    await field(dialog, "Anno di nascita").pressSequentially("x");
    expect(await errorOf(field(dialog, "Anno di nascita"))).toBe(
      "Anno di nascita: deve essere un numero intero",
    );
    await field(dialog, "Anno di nascita").fill("2999");
    await submitOf(dialog).click();
    await page.waitForFunction(() => document.querySelectorAll('[aria-invalid="true"]').length >= 2);
    messages = await messagesBesideFields(dialog);
    expect(messages).toEqual(
      expect.arrayContaining(["Anno di nascita: non può essere nel futuro", "Sesso: campo obbligatorio"]),
    );
    await screenshot(page, "validation-new-patient-it");
    await page.keyboard.press("Escape");

    await page.goto(`/sites/${LECCO}`);
    await page.getByRole("button", { name: "Aggiungi professionista" }).click();
    dialog = page.getByRole("dialog", { name: "Aggiungi professionista" });
    await dialog.getByLabel(labelled("Codice del professionista")).fill("E2E-NEG");
    await field(dialog, "Ore di formazione").fill("-5");
    await submitOf(dialog).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[role="dialog"] [aria-invalid="true"]').length >= 2,
    );
    messages = await messagesBesideFields(dialog);
    expect(messages).toEqual(
      expect.arrayContaining(["Profilo: campo obbligatorio", "Ore di formazione: deve essere 0 o più"]),
    );
    await screenshot(page, "validation-team-member-it");
    await page.keyboard.press("Escape");

    await page.goto("/programmes/new");
    const modulo = page.getByRole("form", { name: "Nuovo programma" });
    await modulo.waitFor();
    await modulo.locator('button[type="submit"]').click();
    messages = await messagesBesideFields(modulo);
    expect(messages).toEqual(
      expect.arrayContaining(["Codice: campo obbligatorio", "Pratica: campo obbligatorio"]),
    );
    await screenshot(page, "validation-programme-it", true);
  });

  it("walks the intervention, group, situation-analysis and fidelity forms, in English then in Italian", async () => {
    const clinicianApi = await ApiClient.login(w.server.url, "clinician", DEMO_PASSWORD);
    const coordinatorApi = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
    const programmes = (await coordinatorApi.get("/api/programmes")).json as Array<{
      id: number;
      code: string;
    }>;
    const bpd = programmes.find((p) => p.code === "BPD-LOM")!.id;
    // The situation analysis needs its template (areas and indicators)
    const applied = await coordinatorApi.post(`/api/programmes/${bpd}/planning/apply-template`, {
      template: "implemental",
    });
    expect(applied.status, JSON.stringify(applied.json)).toBeLessThan(300);
    const patient = (
      await clinicianApi.post("/api/patients", {
        siteId: LECCO,
        code: "E2E-MSG-INT",
        birthYear: 1999,
        sex: "F",
      })
    ).json as { id: number };

    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");
    for (const lang of ["en", "it"] as const) {
      const it = lang === "it";
      if (it) await new Shell(page).switchLanguage("Lecco case manager", "Italiano");

      // ── The intervention form: letters in the duration are kept and held, 0 is refused
      await page.goto(`/patients/${patient.id}`);
      await page
        .getByRole("heading", { level: 1, name: it ? "Paziente E2E-MSG-INT" : "Patient E2E-MSG-INT" })
        .waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press("n");
      const entry = page.getByRole("dialog", {
        name: it ? "Registra un intervento per E2E-MSG-INT" : "Record an intervention for E2E-MSG-INT",
      });
      await entry.waitFor();
      const duration = field(entry, it ? "Durata" : "Duration");
      await duration.fill("");
      await duration.pressSequentially("4x");
      expect(await errorOf(duration)).toBe(
        it ? "Durata: deve essere un numero intero" : "Duration must be a whole number",
      );
      const recorded = postsTo(page, "/api/interventions");
      await submitOf(entry).click();
      await page.waitForTimeout(300);
      expect(recorded()).toBe(0);
      expect(await duration.inputValue()).toBe("4x");
      await duration.fill("0");
      expect(await errorOf(duration)).toBe(it ? "Durata: deve essere 1 o più" : "Duration must be 1 or more");
      await submitOf(entry).click();
      await page.waitForFunction(
        () => document.querySelectorAll('[role="dialog"] [aria-invalid="true"]').length >= 1,
      );
      await messagesBesideFields(entry);
      await expect
        .poll(() => errorOf(duration))
        .toMatch(it ? /^Durata.*: deve essere 1 o più$/ : /^Duration.* must be 1 or more$/);
      await screenshot(page, `smallfixes-validation-intervention-${lang}`);
      await page.keyboard.press("Escape");

      // ── A new group: no name, a capacity in letters
      await page.goto(`/sites/${LECCO}/groups`);
      await page.getByRole("button", { name: it ? "Nuovo gruppo" : "New group" }).click();
      const group = page.getByRole("dialog", { name: it ? "Nuovo gruppo" : "New group" });
      await group.waitFor();
      const capacity = field(group, it ? "Capienza" : "Capacity");
      await capacity.pressSequentially("1O");
      expect(await errorOf(capacity)).toBe(
        it ? "Capienza: deve essere un numero intero" : "Capacity must be a whole number",
      );
      expect(await capacity.inputValue()).toBe("1O");
      await capacity.fill("");
      await submitOf(group).click();
      await page.waitForFunction(
        () => document.querySelectorAll('[role="dialog"] [aria-invalid="true"]').length >= 2,
      );
      expect(await messagesBesideFields(group)).toEqual(
        expect.arrayContaining(
          it
            ? ["Nome: campo obbligatorio", "Tipo: campo obbligatorio"]
            : ["Name is required", "Kind is required"],
        ),
      );
      await screenshot(page, `smallfixes-validation-group-${lang}`);
      await page.keyboard.press("Escape");
    }

    // ── The situation analysis (SANA) of the region, by the regional coordinator
    const coordinator = await w.session();
    await new LoginPage(coordinator.page).signInAs("coordinator");
    const sana = coordinator.page;
    for (const lang of ["en", "it"] as const) {
      const it = lang === "it";
      if (it) await new Shell(sana).switchLanguage("Regional Implementation Group", "Italiano");
      await sana.goto(`/programmes/${bpd}/planning/sana/region`);
      const value = (name: string) =>
        sana.getByLabel(`${it ? "Valore di" : "Value of"} ${name}`, { exact: true });
      const year = (name: string) =>
        sana.getByLabel(`${it ? "Anno di" : "Year of"} ${name}`, { exact: true });
      await value("Total population").waitFor();
      await value("Total population").pressSequentially("abc");
      expect(await errorOf(value("Total population"))).toBe(
        it
          ? "Valore di Total population: deve essere un numero"
          : "Value of Total population must be a number",
      );
      await value("Young adults aged 18–30").fill("140");
      expect(await errorOf(value("Young adults aged 18–30"))).toBe(
        it
          ? "Valore di Young adults aged 18–30: deve essere 100 o meno"
          : "Value of Young adults aged 18–30 must be 100 or less",
      );
      await year("Total population").pressSequentially("20x4");
      // Saved: the server refuses what is wrong, beside each field; the letters are still there
      await sana.getByRole("button", { name: it ? /^Salva come versione/ : /^Save as version/ }).click();
      await sana.waitForFunction(() => document.querySelectorAll('[aria-invalid="true"]').length >= 3);
      const main = sana.getByRole("main");
      const refused = await messagesBesideFields(main);
      expect(refused).toHaveLength(3);
      expect(refused).toEqual(
        expect.arrayContaining([
          it
            ? "Valore di Young adults aged 18–30: deve essere 100 o meno"
            : "Value of Young adults aged 18–30 must be 100 or less",
        ]),
      );
      expect(await value("Total population").inputValue()).toBe("abc");
      expect(await year("Total population").inputValue()).toBe("20x4");
      await screenshot(sana, `smallfixes-validation-sana-${lang}`);
      // Nothing was saved: the region's analysis has no values yet
      const stored = (await coordinatorApi.get(`/api/programmes/${bpd}/planning/sana/region`)).json as {
        version: number;
      };
      expect(stored.version).toBe(0);
    }

    // ── A fidelity review: a rating of 6 on a 1–5 scale, in Italian (the range is said)
    await sana.goto(`/sites/${LECCO}/fidelity/new?programmeId=${bpd}&scale=IMR-FIDELITY`);
    await field(sana, "Valutatore 1").fill("A. Rossi");
    const cell = sana.getByRole("textbox", { name: /^A\. Rossi: item 1 / });
    await cell.fill("6");
    await sana.getByRole("button", { name: "Salva la valutazione" }).click();
    await expect.poll(() => errorOf(cell)).toMatch(/deve essere (tra 1 e 5|5 o meno)$/);
    expect(await cell.inputValue()).toBe("6");
    await screenshot(sana, "smallfixes-validation-fidelity-it");
  });
});
