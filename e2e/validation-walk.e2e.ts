import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page.ts";
import { field, isoDaysFromToday, typeDate } from "./pages/registry.ts";
import { errorOf, Shell } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * The first week in a region: every remaining form of the app, sent empty and with wrong values,
 * in English and in Italian. A person must read what to fix, beside the field, in their language:
 * never zod's text, a programmer's field path, or English in the Italian app.
 */

/** LECCO in the demo region. */
const LECCO = 6;
type Lang = "en" | "it";

/** zod's phrasing, and field paths (`answers.0.value`, `caseManagerCode`), in any language. */
const RAW =
  /Invalid input|Invalid option|expected|received|Too small|Too big|Required$|\b[a-z]+\.\d+\b|\b(answers|attendees|body)\.|\b[a-z]+[A-Z][A-Za-z]+\b/;
/** English words that have no business in the Italian app's messages. */
const ENGLISH = /\b(is|are|must|required|the|should|cannot|invalid|before|after|or more|or less)\b/i;

let w: World;
let bpd: number;
beforeAll(async () => {
  w = await createWorld();
  const coordinatorApi = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
  const programmes = (await coordinatorApi.get("/api/programmes")).json as Array<{
    id: number;
    code: string;
  }>;
  bpd = programmes.find((p) => p.code === "BPD-LOM")!.id;
  // The planning template gives the action plan its areas and the region its questionnaire, in
  // Italian as a Lombard coordinator applies it: applied, it is the programme's data in that one
  // language (docs/languages.md), so the questions a message names are Italian in both walks
  const applied = await coordinatorApi.post(`/api/programmes/${bpd}/planning/apply-template`, {
    template: "implemental",
    language: "it",
  });
  expect(applied.status, JSON.stringify(applied.json)).toBeLessThan(300);
});
afterAll(async () => {
  await w?.close();
});

/** What is wrong with the messages a form shows now, each named by the form (empty: nothing). */
async function problemsOf(scope: Locator, form: string, lang: Lang): Promise<string[]> {
  const problems: string[] = [];
  const invalid = scope.locator('[aria-invalid="true"]');
  try {
    await invalid.first().waitFor({ timeout: 5000 });
  } catch {
    const alerts = await scope.locator('[role="alert"]').allTextContents();
    return [`${form}: no field marked invalid (alerts: ${JSON.stringify(alerts)})`];
  }
  const messages: string[] = [];
  for (let i = 0; i < (await invalid.count()); i++) {
    const control = invalid.nth(i);
    const message = await errorOf(control);
    const name = await labelOf(control);
    if (!message) problems.push(`${form}: invalid control ${name} has no message beside it`);
    else {
      messages.push(message);
      // In Italian the message names its field as the form does ("Ore: deve essere 0 o più"), so
      // that it reads alone (a screen reader, a list); in English a server's sentence may name
      // the value instead ("2031-01-01 is in the future"), see GENERIC_RULES
      if (lang === "it" && name && !message.includes(name))
        problems.push(`${form}: "${message}" does not name "${name}"`);
    }
  }
  const shown = await scope.locator('[class*="-error"], [role="alert"]').allTextContents();
  for (const m of new Set([...messages, ...shown].map((s) => s.trim()).filter(Boolean))) {
    if (RAW.test(m)) problems.push(`${form}: raw text "${m}"`);
    if (lang === "it" && ENGLISH.test(m)) problems.push(`${form}: English in Italian "${m}"`);
    // Italian names the field first ("Presenze: deve averne almeno 1"), a question ends with "?"
    if (lang === "it" && !/: |\? /.test(m)) problems.push(`${form}: "${m}" names no field`);
  }
  return problems;
}

/** The label a person reads for a control (its <label>, aria-label or aria-labelledby), without " *". */
async function labelOf(control: Locator): Promise<string | null> {
  const text = await control.evaluate((el) => {
    const labelled = el.getAttribute("aria-labelledby");
    const byId = labelled
      ?.split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    return (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? byId ?? null;
  });
  return text?.replace(/\s*\*\s*$/, "").trim() || null;
}

const submitOf = (dialog: Locator) => dialog.locator('button[type="submit"]');
const say = <T>(lang: Lang, en: T, it: T): T => (lang === "it" ? it : en);

async function openDialog(page: Page, button: string | RegExp, title: string | RegExp): Promise<Locator> {
  await page.getByRole("button", { name: button }).first().click();
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.waitFor();
  return dialog;
}

async function closeDialog(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
}

describe("the remaining forms, walked with empty and wrong values in English and Italian", () => {
  it("the region's coordinator: a training course, a SWOT item, a roadmap objective, an action-plan activity", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const problems: string[] = [];
    const plan = `/programmes/${bpd}/planning`;
    for (const lang of ["en", "it"] as const) {
      if (lang === "it") await new Shell(page).switchLanguage("Regional Implementation Group", "Italiano");

      // A training course: nothing filled in, then hours in letters and an end before the start
      await page.goto(`/programmes/${bpd}/training`);
      let dialog = await openDialog(
        page,
        say(lang, "New course", "Nuovo corso"),
        say(lang, "New course", "Nuovo corso"),
      );
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `course empty ${lang}`, lang)));
      await screenshot(page, `walk-course-empty-${lang}`);
      await field(dialog, say(lang, "Hours", "Ore")).pressSequentially("-3");
      await typeDate(dialog, say(lang, "Start date", "Data di inizio"), "2026-05-10");
      await typeDate(dialog, say(lang, "End date", "Data di fine"), "2026-05-01");
      await submitOf(dialog).click();
      await page.waitForTimeout(500);
      problems.push(...(await problemsOf(dialog, `course wrong ${lang}`, lang)));
      await screenshot(page, `walk-course-wrong-${lang}`);
      await closeDialog(page, dialog);

      // A SWOT item with no text
      await page.goto(`${plan}/swot/region`);
      dialog = await openDialog(page, /^(Add to|Aggiungi a) /, /^(Add to|Aggiungi a) /);
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `swot ${lang}`, lang)));
      await screenshot(page, `walk-swot-${lang}`);
      await closeDialog(page, dialog);

      // A roadmap objective with nothing said
      await page.goto(`${plan}/roadmap/region`);
      dialog = await openDialog(page, say(lang, "Add objective", "Aggiungi obiettivo"), /./);
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `roadmap ${lang}`, lang)));
      await screenshot(page, `walk-roadmap-${lang}`);
      await closeDialog(page, dialog);

      // An action-plan activity: empty, then ending before it starts
      await page.goto(`${plan}/action-plan/region`);
      dialog = await openDialog(page, /^(Add activity to|Aggiungi attività a) /, /./);
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `activity empty ${lang}`, lang)));
      await typeDate(dialog, say(lang, "Start", "Inizio"), "2026-05-10");
      await typeDate(dialog, say(lang, "End", "Fine"), "2026-05-01");
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `activity wrong ${lang}`, lang)));
      await screenshot(page, `walk-activity-${lang}`);
      await closeDialog(page, dialog);
    }
    expect(problems).toEqual([]);
  });

  it("a site: supervision, case manager, a group session's attendance, a questionnaire response", async () => {
    const coordinatorApi = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
    const questionnaires = (await coordinatorApi.get(`/api/programmes/${bpd}/planning/questionnaires`))
      .json as Array<{ id: number; rounds: Array<{ id: number }> }>;
    const q = questionnaires[0]!;
    const round = await coordinatorApi.post(`/api/programmes/${bpd}/planning/questionnaires/${q.id}/rounds`, {
      label: "Walk",
      opensOn: isoDaysFromToday(-10),
      closesOn: isoDaysFromToday(30),
    });
    expect(round.status, JSON.stringify(round.json)).toBeLessThan(300);
    const roundId = (round.json as { id: number }).id;

    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    const problems: string[] = [];
    for (const lang of ["en", "it"] as const) {
      if (lang === "it")
        await new Shell(page).switchLanguage("Lecco implementation team coordinator", "Italiano");

      // Supervision: nobody named, no format, a duration of 0
      await page.goto(`/sites/${LECCO}/workforce`);
      const record = say(lang, "Record supervision", "Registra una supervisione");
      let dialog = await openDialog(page, record, record);
      await field(dialog, say(lang, "Duration (minutes)", "Durata (minuti)")).fill("0");
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `supervision ${lang}`, lang)));
      await screenshot(page, `walk-supervision-${lang}`);
      await closeDialog(page, dialog);

      // The case manager of an enrolment, none chosen
      await page.goto(`/sites/${LECCO}/worklists`);
      await page
        .getByRole("button", { name: say(lang, /^Name the case manager of /, /^Indica il case manager di /) })
        .first()
        .click();
      dialog = page.getByRole("dialog", { name: /^Case manager / });
      await dialog.waitFor();
      // the chooser opens with its list: close the list, not the dialog
      await dialog.getByRole("heading").click();
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `case manager ${lang}`, lang)));
      await screenshot(page, `walk-case-manager-${lang}`);
      await closeDialog(page, dialog);

      // A group session: no attendee, a duration of 0
      await page.goto(`/sites/${LECCO}/groups`);
      await page.getByRole("table").getByRole("link").first().click();
      await page.getByRole("button", { name: say(lang, "Run a session", "Conduci una seduta") }).click();
      dialog = page.getByRole("dialog");
      await dialog.waitFor();
      const present = dialog.getByRole("checkbox", { checked: true });
      for (let n = await present.count(); n > 0; n--) await present.first().click();
      await field(dialog, say(lang, "Duration", "Durata")).fill("0");
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `group session ${lang}`, lang)));
      await screenshot(page, `walk-group-session-${lang}`);
      await closeDialog(page, dialog);

      // A questionnaire response submitted without its required answers: beside each question
      await page.goto(`/programmes/${bpd}/planning/questionnaires/${q.id}/rounds/${roundId}/${LECCO}`);
      await page.getByRole("switch").last().check({ force: true });
      await page.getByRole("button", { name: /^(Save as version|Salva come versione)/ }).click();
      const main = page.getByRole("main");
      problems.push(...(await problemsOf(main, `questionnaire ${lang}`, lang)));
      const atTop = await main.locator('[role="alert"]').allTextContents();
      if (atTop.some((t) => t.trim()))
        problems.push(`questionnaire ${lang}: a message at the top, not beside its question: ${atTop}`);
      await screenshot(page, `walk-questionnaire-${lang}`, true);
    }
    expect(problems).toEqual([]);
  });

  it("a clinician's treatment plan, and the administrator's users, sites and professionals", async () => {
    const clinicianApi = await ApiClient.login(w.server.url, "clinician", DEMO_PASSWORD);
    const patient = (
      await clinicianApi.post("/api/patients", { siteId: LECCO, code: "E2E-WALK", birthYear: 1998, sex: "F" })
    ).json as { id: number };
    const clinician = await w.session();
    await new LoginPage(clinician.page).signInAs("clinician");
    const admin = await w.session();
    await new LoginPage(admin.page).signInAs("admin");
    const problems: string[] = [];
    for (const lang of ["en", "it"] as const) {
      // A treatment plan shared with the patient in the future
      let page = clinician.page;
      if (lang === "it") await new Shell(page).switchLanguage("Lecco case manager", "Italiano");
      await page.goto(`/patients/${patient.id}`);
      let dialog = await openDialog(page, say(lang, "New plan", "Nuovo piano"), /./);
      await typeDate(
        dialog,
        say(lang, "Discussed with the patient on", "Discusso con il paziente il"),
        isoDaysFromToday(20),
      );
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `treatment plan ${lang}`, lang)));
      await screenshot(page, `walk-plan-${lang}`);
      await closeDialog(page, dialog);

      page = admin.page;
      if (lang === "it") await new Shell(page).switchLanguage("Regional IT office", "Italiano");
      // A user with nothing filled in
      await page.goto("/admin/users");
      const newUser = say(lang, "New user", "Nuovo utente");
      dialog = await openDialog(page, newUser, newUser);
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `user ${lang}`, lang)));
      await screenshot(page, `walk-user-${lang}`);
      await closeDialog(page, dialog);

      // A site with nothing filled in, then a code with spaces
      await page.goto("/admin/structure");
      const newSite = say(lang, "New site", "Nuova sede");
      dialog = await openDialog(page, newSite, newSite);
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `site empty ${lang}`, lang)));
      await screenshot(page, `walk-site-${lang}`);
      await closeDialog(page, dialog);

      // A professional with nothing filled in
      await page.goto(`/sites/${LECCO}`);
      const add = say(lang, "Add professional", "Aggiungi professionista");
      dialog = await openDialog(page, add, add);
      await submitOf(dialog).click();
      problems.push(...(await problemsOf(dialog, `professional ${lang}`, lang)));
      await screenshot(page, `walk-professional-${lang}`);
      await closeDialog(page, dialog);
    }
    expect(problems).toEqual([]);
  });
});
