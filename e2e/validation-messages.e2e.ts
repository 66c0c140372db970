import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page.ts";
import { choose, field, segment } from "./pages/registry.ts";
import { errorOf, labelled, Shell } from "./pages/shell.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";

/** LECCO in the demo region. */
const LECCO = 6;
/** zod's and the programmer's phrasing, which must never reach a person. */
const RAW = /Invalid input|expected|received|Invalid option|overrideReason|positive whole number/;

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

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
});
