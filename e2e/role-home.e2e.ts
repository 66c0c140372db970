import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./pages/axe.ts";
import { Shell } from "./pages/shell.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * Each role lands on its own home page (the living demo: plans with overdue activities, an open
 * questionnaire round, fidelity reviews), in English and in Italian; the coordinator opens the
 * data-quality worklist; a viewer never meets a patient-level control and is told why a patient's
 * page is refused.
 */
let w: World;
beforeAll(async () => {
  w = await createWorld({ artefacts: true });
});
afterAll(async () => {
  await w?.close();
});

type Lang = "en" | "it";

const TEXT = {
  en: {
    welcome: /^Welcome/,
    worklists: "Worklists this week",
    overdue: "Overdue plan activities",
    rounds: "Questionnaire rounds waiting for answers",
    targets: "Sites below target",
    fidelity: "Fidelity reviews due",
    quality: "Data quality",
    openQuality: "Open the data-quality worklist",
    openSite: /^Open the records to complete at /,
    siteQuality: /^Data quality at /,
    aggregates: "Programme figures",
    noAccess: "No access",
    aggregatesOnly: "Viewers see aggregated figures only",
    notYourSite: "This site is not among your sites",
    newPatient: /New patient/,
    registry: /Registry pages|Care registry/,
  },
  it: {
    welcome: /^Benvenuto/,
    worklists: "Liste di lavoro della settimana",
    overdue: "Attività del piano in ritardo",
    rounds: "Rilevazioni del questionario in attesa di risposta",
    targets: "Sedi sotto l'obiettivo",
    fidelity: "Valutazioni di fedeltà da fare",
    quality: "Qualità dei dati",
    openQuality: "Apri la lista sulla qualità dei dati",
    openSite: /^Apri i record da completare di /,
    siteQuality: /^Qualità dei dati a /,
    aggregates: "Dati dei programmi",
    noAccess: "Accesso non consentito",
    aggregatesOnly: "Chi consulta vede solo dati aggregati",
    notYourSite: "Questa sede non è tra le tue sedi",
    newPatient: /Nuovo paziente/,
    registry: /Pagine del registro|Registro/,
  },
} as const;

/** Sign in as a demo user in a language (saved on the account), and wait for the home page. */
async function signIn(page: Page, username: string, lang: Lang): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/^(Username|Nome utente)/).fill(username);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /^(Sign in|Accedi)$/ }).click();
  await page.getByRole("heading", { level: 1, name: /^(Welcome|Benvenuto)/ }).waitFor({ timeout: 45_000 });
  const me = (await (await page.request.get("/api/me")).json()) as { csrfToken: string; language: string };
  if (me.language !== lang) {
    const res = await page.request.patch("/api/me", {
      headers: { "x-csrf-token": me.csrfToken },
      data: { language: lang },
    });
    expect(res.status()).toBe(200);
    await page.reload();
  }
  await page.getByRole("heading", { level: 1, name: TEXT[lang].welcome }).waitFor({ timeout: 45_000 });
  await settled(page);
}

async function settled(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0, null, {
    timeout: 45_000,
  });
}

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

async function axe(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), where).toEqual([]);
}

describe.each(["en", "it"] as const)("home pages per role (%s)", (lang) => {
  const T = TEXT[lang];

  it("a regional coordinator sees overdue activities, open rounds, sites below target, fidelity due and data quality, and opens the data-quality worklist", async () => {
    const { page } = await w.session();
    await signIn(page, "coordinator", lang);
    for (const name of [T.overdue, T.rounds, T.targets, T.fidelity, T.quality]) {
      await section(page, name).waitFor();
    }
    // the living demo has overdue activities and an open round some sites have not answered
    expect(await section(page, T.overdue).getByRole("link").count()).toBeGreaterThan(0);
    expect(await section(page, T.rounds).getByRole("link").count()).toBeGreaterThan(0);
    expect(await section(page, T.worklists).count()).toBe(0);
    await axe(page, "coordinator home");
    await screenshot(page, `roles-home-coordinator-${lang}`, true);

    // an overdue activity leads to its plan
    const activity = section(page, T.overdue).getByRole("link").first();
    const href = await activity.getAttribute("href");
    expect(href).toMatch(/^\/programmes\/\d+\/planning\/action-plan\/(region|\d+)$/);

    // the data-quality worklist: counts per site, then one site's records with links to fix them
    await section(page, T.quality).getByRole("link", { name: T.openQuality }).click();
    await page.getByRole("heading", { level: 1, name: T.quality }).waitFor();
    await settled(page);
    await axe(page, "data-quality overview");
    const site = page.getByRole("link", { name: T.openSite }).first();
    await site.click();
    await page.getByRole("heading", { level: 1, name: T.siteQuality }).waitFor();
    await settled(page);
    await axe(page, "site data quality");
    await screenshot(page, `roles-data-quality-site-${lang}`, true);
    const patientLinks = page.locator('main a[href^="/patients/"]');
    if ((await patientLinks.count()) > 0) {
      await patientLinks.first().click();
      await page.waitForURL(/\/patients\/\d+$/);
      await settled(page);
      expect(await page.getByRole("heading", { level: 1, name: T.noAccess }).count()).toBe(0);
    }
  });

  it.each(["sitecoord", "clinician"])(
    "%s sees the worklists of LECCO this week and its overdue activities",
    async (user) => {
      const { page } = await w.session();
      await signIn(page, user, lang);
      const worklists = section(page, T.worklists);
      await worklists.waitFor();
      await worklists.getByRole("heading", { level: 3, name: /^LECCO/ }).waitFor();
      await worklists.getByRole("link", { name: /LECCO/ }).first().waitFor();
      await section(page, T.overdue).waitFor();
      await section(page, T.quality).waitFor();
      expect(await section(page, T.targets).count()).toBe(0);
      await axe(page, `${user} home`);
      await screenshot(page, `roles-home-${user}-${lang}`, true);
      // the worklists link opens the site's worklists
      await worklists.getByRole("link", { name: /LECCO/ }).first().click();
      await page.waitForURL(/\/sites\/\d+\/worklists$/);
      await settled(page);
      await axe(page, `${user} worklists`);
    },
  );

  it("an administrator sees the regional overview and data quality", async () => {
    const { page } = await w.session();
    await signIn(page, "admin", lang);
    for (const name of [T.overdue, T.rounds, T.targets, T.fidelity, T.quality]) {
      await section(page, name).waitFor();
    }
    await axe(page, "admin home");
    await screenshot(page, `roles-home-admin-${lang}`, true);
  });

  it("a viewer sees aggregates only: no registry, no 'New patient', no patient anywhere it can go, and is told why a patient is refused", async () => {
    const { page } = await w.session();
    const shell = new Shell(page);
    await signIn(page, "viewer", lang);
    await section(page, T.aggregates).waitFor();
    expect(await section(page, T.quality).count()).toBe(0);
    await screenshot(page, `roles-home-viewer-${lang}`, true);

    // every kind of page the navigation offers, and the site, programme and dashboard pages they
    // link to — one of each kind (the demo has 18 sites: each site page is the same page)
    const hrefs = new Set<string>(["/"]);
    const kinds = new Map<string, number>();
    const add = (href: string | null) => {
      if (!href || hrefs.has(href)) return;
      const kind = href.replace(/\d+/g, ":id");
      if ((kinds.get(kind) ?? 0) >= 1) return;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      hrefs.add(href);
    };
    for (const a of await shell.navigation.getByRole("link").all()) add(await a.getAttribute("href"));
    for (const href of [...hrefs]) {
      await page.goto(href);
      await settled(page);
      for (const a of await page.locator('main a[href^="/sites/"], main a[href^="/programmes/"]').all()) {
        const h = await a.getAttribute("href");
        if (h && /^\/(sites|programmes)\/\d+(\/dashboard)?$/.test(h)) add(h);
      }
    }
    expect(hrefs.size).toBeGreaterThan(3);
    for (const href of hrefs) {
      await page.goto(href);
      await settled(page);
      const where = `viewer at ${href}`;
      expect(await page.getByRole("button", { name: T.newPatient }).count(), where).toBe(0);
      expect(await page.getByRole("link", { name: T.newPatient }).count(), where).toBe(0);
      expect(await page.getByRole("navigation", { name: T.registry }).count(), where).toBe(0);
      expect(
        await page
          .locator(
            'a[href^="/patients/"], a[href*="/patients"], a[href$="/worklists"], a[href$="/groups"], a[href$="/day-entry"], a[href*="data-quality"]',
          )
          .count(),
        where,
      ).toBe(0);
      await axe(page, where);
    }

    // a patient's address: the page says why, in the user's language
    await page.goto("/patients/1");
    await page.getByRole("heading", { level: 1, name: T.noAccess }).waitFor();
    await page.getByText(T.aggregatesOnly).waitFor();
    await axe(page, "viewer patient refused");
    await screenshot(page, `roles-viewer-refused-${lang}`);
    // and a site's patients: the same explanation, with no "New patient" to press
    const site = [...hrefs].find((h) => /^\/sites\/\d+$/.test(h))!;
    await page.goto(`${site}/patients`);
    await page.getByRole("heading", { level: 1, name: T.noAccess }).waitFor();
    await page.getByText(T.aggregatesOnly).waitFor();
    expect(await page.getByRole("button", { name: T.newPatient }).count()).toBe(0);
  }, 400_000);

  it("a clinician is told that another site is not among theirs", async () => {
    const { page } = await w.session();
    await signIn(page, "clinician", lang);
    const me = (await (await page.request.get("/api/me")).json()) as {
      sites: Array<{ id: number; code: string; canReadData: boolean }>;
    };
    const structure = (await (await page.request.get("/api/sites")).json()) as Array<{
      id: number;
      code: string;
    }>;
    const other = structure.find((s) => !me.sites.some((m) => m.id === s.id && m.canReadData))!;
    await page.goto(`/sites/${other.id}/patients`);
    await page.getByRole("heading", { level: 1, name: T.noAccess }).waitFor();
    await page.getByText(T.notYourSite).waitFor();
    expect(await page.getByRole("button", { name: T.newPatient }).count()).toBe(0);
    await axe(page, "clinician other site refused");
  });
});
