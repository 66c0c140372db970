import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "../src/server/infra/time/civil-date.ts";
import { seriousViolations, settle } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { field } from "./pages/registry.ts";
import { errorOf, labelled, Shell } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * The smaller defects users reported (issue 11, item 9), each walked in the browser: the
 * fidelity pages of a BPD programme, a patient added to a second running DBT skills group, the
 * example of the professional-code hint, and badges and buttons cut off.
 */

/** LECCO, where the demo clinician and site coordinator work. */
const LECCO = 6;

let w: World;
let admin: ApiClient;
beforeAll(async () => {
  // The demo with its planning artefacts: roadmaps and action plans to look at
  w = await createWorld({ artefacts: true });
  admin = await ApiClient.login(w.server.url, "admin", DEMO_PASSWORD);
});
afterAll(async () => {
  await w?.close();
});

async function programmeId(code: string): Promise<number> {
  const list = (await admin.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  return list.find((p) => p.code === code)!.id;
}

/** The value a Mantine Select shows. */
const selected = (scope: Page | Locator, label: string) => field(scope, label).inputValue();

/**
 * Every badge and button label on the page whose text does not fit its box (cut off with an
 * ellipsis or hidden), as "text (shown width < needed width)".
 */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".mantine-Badge-label, .mantine-Button-label")]
      .filter((el) => el.offsetParent !== null && el.textContent?.trim())
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      .map((el) => `${el.textContent?.trim()} (${el.clientWidth} < ${el.scrollWidth})`),
  );
}

describe("the defects users reported", () => {
  it("opens a BPD programme's fidelity pages on its practice's scale, not on the IMR scale", async () => {
    const bpd = await programmeId("BPD-LOM");
    const imr = await programmeId("IMR-LOM");
    const { page } = await w.session();
    // The administrator reads both programmes (the regional coordinator only BPD-LOM: a programme
    // it cannot read opens on the general index)
    await new LoginPage(page).signInAs("admin");

    // The programme's comparison of its sites
    await page.goto(`/programmes/${bpd}/fidelity`);
    await settle(page, /BPD-LOM/);
    expect(await selected(page, "Scale")).toBe("Treatment integrity (organisation, team, therapist)");

    // A site's reviews: the BPD programme opens on integrity; the IMR programme on the IMR scale
    await page.goto(`/sites/${LECCO}/fidelity?programmeId=${bpd}`);
    await settle(page, /LECCO/);
    expect(await selected(page, "Scale")).toBe("Treatment integrity (organisation, team, therapist)");
    await page.getByRole("table").first().waitFor();
    await screenshot(page, "smallfixes-fidelity-bpd-default");
    await field(page, "Programme").click();
    await page.getByRole("option", { name: /^IMR-LOM — / }).click();
    await expect.poll(() => selected(page, "Scale")).toBe("IMR Fidelity Scale");

    // A new review of the BPD programme
    await page.goto(`/sites/${LECCO}/fidelity/new?programmeId=${bpd}`);
    await settle(page, /LECCO/);
    await expect
      .poll(() => selected(page, "Scale"))
      .toBe("Treatment integrity (organisation, team, therapist)");
    await page.goto(`/sites/${LECCO}/fidelity/new?programmeId=${imr}`);
    await settle(page, /LECCO/);
    await expect.poll(() => selected(page, "Scale")).toBe("IMR Fidelity Scale");
  });

  it("warns before adding a patient to a second running DBT skills group, and takes a reason (en, it)", async () => {
    const clinician = await ApiClient.login(w.server.url, "clinician", DEMO_PASSWORD);
    const bpd = await programmeId("BPD-LOM");
    const start = addDays(today(), -20);
    const newGroup = async (name: string) => {
      const res = await clinician.post("/api/groups", {
        siteId: LECCO,
        programmeId: bpd,
        kind: "dbt_skills",
        name,
        startDate: start,
      });
      expect(res.status).toBe(201);
      return res.json as { id: number; code: string };
    };
    const newPatient = async (code: string) => {
      const res = await clinician.post("/api/patients", { siteId: LECCO, code, birthYear: 2001, sex: "F" });
      expect(res.status).toBe(201);
      return res.json as { id: number; code: string };
    };
    const monday = await newGroup("Skills Monday E2E");
    const thursday = await newGroup("Skills Thursday E2E");
    const anna = await newPatient("E2E-DBT-ANNA");
    const bruna = await newPatient("E2E-DBT-BRUNA");
    const joined = await clinician.request("PUT", `/api/groups/${monday.id}/members`, {
      members: [anna, bruna].map((p) => ({ patientId: p.id, joinedDate: start })),
    });
    expect(joined.status).toBe(200);

    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");
    const addTo = async (title: string, members: string, save: string, code: string) => {
      await page.goto(`/groups/${thursday.id}`);
      await page.getByRole("heading", { level: 1, name: "Skills Thursday E2E" }).waitFor();
      await page.getByRole("button", { name: members, exact: true }).click();
      const dialog = page.getByRole("dialog", { name: title });
      const picker = field(dialog, members === "Members" ? "Add a patient" : "Aggiungi un paziente");
      await picker.click();
      await picker.fill(code);
      await page.getByRole("option", { name: code }).click();
      await dialog.getByRole("button", { name: save }).click();
      return dialog;
    };

    // English: refused beside the row, with the other group named; a reason lets it through
    let dialog = await addTo("Members of Skills Thursday E2E", "Members", "Save", anna.code);
    let reason = field(dialog, "Reason for E2E-DBT-ANNA to join a second skills group");
    await reason.waitFor();
    await expect
      .poll(() => errorOf(reason))
      .toBe(
        `Reason for a second skills group is required because the patient is already in the running DBT skills group ${monday.code}: say why they join a second one`,
      );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "smallfixes-second-dbt-group-en");
    await reason.fill("Moves to the evening group next week");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("table", { name: "Members" }).getByRole("link", { name: anna.code }).waitFor();

    // Italiano
    await new Shell(page).switchLanguage("Lecco case manager", "Italiano");
    dialog = await addTo("Membri di Skills Thursday E2E", "Membri", "Salva", bruna.code);
    reason = field(dialog, "Motivo per cui E2E-DBT-BRUNA partecipa a un secondo gruppo di skills");
    await reason.waitFor();
    await expect
      .poll(() => errorOf(reason))
      .toBe(
        `Motivo del secondo gruppo di skills: obbligatorio perché il paziente è già in un gruppo di skills DBT in corso (${monday.code}); spiega perché partecipa a un secondo gruppo`,
      );
    await screenshot(page, "smallfixes-second-dbt-group-it");
    await page.keyboard.press("Escape");
  });

  it("gives the professional-code hint an example that is free at the site (en, it)", async () => {
    const taken = (
      (await admin.get(`/api/professionals?siteId=${LECCO}`)).json as Array<{ code: string }>
    ).map((p) => p.code);
    expect(taken).toContain("LECCO-P12");
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    await page.goto(`/sites/${LECCO}`);
    await page.getByRole("button", { name: "Add professional" }).click();
    let dialog = page.getByRole("dialog", { name: "Add professional" });
    let hint = (await dialog.getByText(/^A pseudonymous code, never a name, e\.g\. /).textContent()) ?? "";
    let example = /e\.g\. (\S+)\.$/.exec(hint)?.[1];
    expect(example).toMatch(/^LECCO-P\d+$/);
    expect(taken).not.toContain(example);
    // …and it is accepted as it is
    await dialog.getByLabel(labelled("Professional code")).fill(example!);
    await screenshot(page, "smallfixes-code-hint-en");
    await page.keyboard.press("Escape");

    await new Shell(page).switchLanguage("Regional IT office", "Italiano");
    await page.getByRole("button", { name: "Aggiungi professionista" }).click();
    dialog = page.getByRole("dialog", { name: "Aggiungi professionista" });
    hint = (await dialog.getByText(/^Un codice pseudonimo, mai un nome, es\. /).textContent()) ?? "";
    example = /es\. (\S+)\.$/.exec(hint)?.[1];
    expect(example).toMatch(/^LECCO-P\d+$/);
    expect(taken).not.toContain(example);
    await page.keyboard.press("Escape");
  });

  it("shows badges and buttons whole on the planning and measures pages (en, it)", async () => {
    const bpd = await programmeId("BPD-LOM");
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const pages: Array<[string, string | RegExp, string]> = [
      [`/programmes/${bpd}/planning/roadmap/region`, /./, "roadmap"],
      [`/programmes/${bpd}/planning/roadmap/${LECCO}`, /./, "roadmap-lecco"],
      [`/programmes/${bpd}/planning/action-plan/region`, /./, "action-plan"],
      [`/programmes/${bpd}/planning/action-plan-progress`, /./, "progress"],
      [`/programmes/${bpd}/planning/roadmap-compliance`, /./, "compliance"],
      [`/programmes/${bpd}/fidelity`, /./, "fidelity-comparison"],
      [`/sites/${LECCO}/fidelity?programmeId=${bpd}`, /./, "site-fidelity"],
      [`/programmes/${bpd}/training`, /./, "training"],
    ];
    for (const language of ["en", "it"] as const) {
      if (language === "it")
        await new Shell(page).switchLanguage("Regional Implementation Group", "Italiano");
      for (const [url, heading, name] of pages) {
        await page.goto(url);
        await settle(page, heading);
        expect(await cutOff(page), `${url} (${language})`).toEqual([]);
        if (name === "roadmap") await screenshot(page, `smallfixes-badges-${name}-${language}`, true);
      }
      // The Theory of Change: an output's side panel and its "Plan an activity for this output"
      await page.goto(`/programmes/${bpd}/planning/toc/region`);
      await settle(page, /./);
      const output = page.locator(".react-flow__node").filter({ hasText: /./ });
      await output.first().waitFor();
      const plan = language === "en" ? "Plan an activity for this output" : /attività/i;
      for (let i = 0; i < (await output.count()); i++) {
        await output.nth(i).click();
        if (await page.getByRole("link", { name: plan }).count()) break;
      }
      await page.getByRole("link", { name: plan }).waitFor();
      await page.getByRole("link", { name: plan }).scrollIntoViewIfNeeded();
      expect(await cutOff(page), `ToC (${language})`).toEqual([]);
      await screenshot(page, `smallfixes-toc-plan-button-${language}`);
    }
  });
});
