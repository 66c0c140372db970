import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * Every route of the web app (src/web/app/routes.tsx and each feature's routes), opened by the
 * administrator on the living demo (planning artefacts, reviews, courses, patients), in English
 * and in Italian: no serious or critical axe-core violation anywhere, a notification open
 * included. The API docs (Swagger UI) are checked too, and must render under their CSP.
 */
let w: World;
let urls: string[];
/** A second administrator whose account speaks Italian, so both languages run side by side. */
const ITALIAN = { username: "amministratore", password: "axe-italiano-seconda-password" };
beforeAll(async () => {
  w = await createWorld({ artefacts: true });
  const admin = await ApiClient.login(w.server.url, "admin", DEMO_PASSWORD);
  urls = await everyRoute(admin);
  const first = "axe-italiano-prima-password";
  const created = await admin.post("/api/users", {
    username: ITALIAN.username,
    displayName: "Ufficio IT regionale",
    password: first,
    grants: [{ role: "administrator" }],
  });
  if (created.status !== 201)
    throw new Error(`create user: ${created.status} ${JSON.stringify(created.json)}`);
  const italian = await ApiClient.login(w.server.url, ITALIAN.username, first);
  await italian.post("/api/me/password", { currentPassword: first, newPassword: ITALIAN.password });
  const again = await ApiClient.login(w.server.url, ITALIAN.username, ITALIAN.password);
  const set = await again.request("PATCH", "/api/me", { language: "it" });
  if (set.status !== 200) throw new Error(`language: ${set.status}`);
}, 240_000);
afterAll(async () => {
  await w?.close();
});

type Json = Record<string, unknown>;
async function get<T>(api: ApiClient, url: string): Promise<T> {
  const res = await api.get(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return res.json as T;
}

/** Each route with real ids of the living demo. */
async function everyRoute(api: ApiClient): Promise<string[]> {
  const programmes = await get<Json[]>(api, "/api/programmes");
  const bpd = programmes.find((p) => p.code === "BPD-LOM")!.id as number;
  const imr = programmes.find((p) => p.code !== "BPD-LOM")!.id as number;
  const sites = await get<Json[]>(api, "/api/sites");
  const lecco = sites.find((s) => s.code === "LECCO")!.id as number;
  const patients = await get<{ items: Json[] }>(api, `/api/patients?siteId=${lecco}&programmeId=${bpd}`);
  const patient = patients.items[0]!.id as number;
  const groups = await get<Json[]>(api, `/api/groups?siteId=${lecco}`);
  const reviews = (
    await get<{ items: Json[] }>(api, `/api/sites/${lecco}/fidelity/reviews?programmeId=${bpd}`)
  ).items;
  const courses = await get<Json[]>(api, `/api/training/courses?programmeId=${bpd}`);
  const questionnaires = await get<Array<{ id: number; rounds: Array<{ id: number }> }>>(
    api,
    `/api/programmes/${bpd}/planning/questionnaires`,
  );
  const definitions = await get<{ definitions: Array<{ id: string; builtIn: boolean }> }>(
    api,
    `/api/programmes/${bpd}/indicator-definitions`,
  );
  const indicator = definitions.definitions[0]!.id;
  const own = definitions.definitions.find((d) => !d.builtIn);
  const q = questionnaires[0]!;
  // the protocol learning system: one protocol of the demo region, from the MHSU template
  const regions = await get<Array<{ id: number; code: string }>>(api, "/api/protocols/regions");
  const created = await api.post("/api/protocols", {
    regionId: regions.find((r) => r.code === "LOM")!.id,
    language: "it",
    template: "mhsu",
  });
  if (created.status !== 201) throw new Error(`protocol: ${created.status}`);
  const protocol = created.json as { id: number; content: { dimensions: Array<{ id: string }> } };
  const p = `/programmes/${bpd}`;
  const plan = `${p}/planning`;
  return [
    "/",
    "/account/password",
    "/programmes",
    "/programmes/new",
    p,
    `${p}/edit`,
    `${p}/dashboard`,
    `${p}/dashboard/charts`,
    `${p}/dashboard/charts/${indicator}`,
    `${p}/dashboard/sites/LECCO`,
    `${p}/dashboard/trends`,
    `${p}/dashboard/table`,
    `${p}/dashboard/indicators`,
    `${p}/dashboard/indicators/new`,
    ...(own ? [`${p}/dashboard/indicators/${own.id}/edit`] : []),
    plan,
    `${plan}/sana/region`,
    `${plan}/sana/${lecco}`,
    `${plan}/sana-compare`,
    `${plan}/sana-template`,
    `${plan}/swot/region`,
    `${plan}/swot/${lecco}`,
    `${plan}/swot-tags`,
    `${plan}/swot-common-factors`,
    `${plan}/toc/region`,
    `${plan}/action-plan/region`,
    `${plan}/action-plan/${lecco}`,
    `${plan}/action-plan-progress`,
    `${plan}/roadmap/region`,
    `${plan}/roadmap-compliance`,
    `${plan}/questionnaires`,
    `${plan}/questionnaires/${q.id}/results`,
    ...(q.rounds[0] ? [`${plan}/questionnaires/${q.id}/rounds/${q.rounds[0].id}/${lecco}`] : []),
    `${plan}/swot/region/history`,
    `${plan}/chain/region`,
    `${plan}/chain/${lecco}`,
    `${plan}/reco`,
    `${p}/outcomes`,
    `${p}/fidelity`,
    `${p}/training`,
    `/programmes/${imr}/outcomes`,
    `/sites/${lecco}`,
    `/sites/${lecco}/patients`,
    `/sites/${lecco}/worklists`,
    `/sites/${lecco}/disengagement`,
    `/sites/${lecco}/groups`,
    `/sites/${lecco}/day-entry`,
    `/sites/${lecco}/fidelity`,
    `/sites/${lecco}/fidelity/new`,
    `/sites/${lecco}/workforce`,
    `/patients/${patient}`,
    `/patients/${patient}/measures/new`,
    // the shared read: an administrator works for no service, so this shows the refusal
    `/care/shared/${patient}`,
    ...(groups[0] ? [`/groups/${groups[0].id}`] : []),
    ...(reviews[0] ? [`/fidelity/reviews/${reviews[0].id}`] : []),
    ...(courses[0] ? [`/training/courses/${courses[0].id}`] : []),
    "/measures/library",
    "/measures/library/PHQ-9",
    "/measures/library/BSL-23",
    "/imports",
    "/directory",
    "/public/directory/LOM",
    "/protocols",
    `/protocols/${protocol.id}`,
    `/protocols/${protocol.id}/dimensions/${protocol.content.dimensions[0]!.id}`,
    `/protocols/${protocol.id}/sites/${lecco}/assessment`,
    "/care/shared",
    "/practices",
    "/practices/new",
    "/practices/1",
    "/admin/structure",
    "/admin/users",
    "/admin/audit",
    "/admin/indicator-facts",
    "/no-such-page",
  ];
}

/** A page has its heading and every query on it has answered. */
async function settled(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0, undefined, {
    timeout: 20_000,
  });
}

async function checkEveryPage(page: Page, language: "en" | "it"): Promise<string[]> {
  const found: string[] = [];
  for (const url of urls) {
    const started = Date.now();
    await page.goto(url);
    try {
      await settled(page);
    } catch {
      found.push(`${language} ${url}: no heading, or still loading after 20 s`);
      continue;
    }
    if (language === "it") {
      const name = url.replace(/^\//, "").replace(/[/?=&]+/g, "_") || "home";
      await screenshot(page, `italian-${name}`);
    }
    const violations = (await seriousViolations(page)).map((v) => `${language} ${url}: ${v}`);
    // said as found, so that a long run shows its problems before it ends
    for (const v of violations) console.log(v);
    found.push(...violations);
    console.log(`${language} ${url} ${Date.now() - started} ms`);
  }
  return found;
}

/** An administrator edits a user and saves: the "Saved" notification is on screen. */
async function notificationOpen(page: Page, language: "en" | "it"): Promise<string[]> {
  await page.goto("/admin/users");
  await settled(page);
  await page.getByRole("button", { name: language === "en" ? "Edit viewer" : "Modifica viewer" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: language === "en" ? "Save" : "Salva" })
    .click();
  const alert = page.locator(".mantine-Notification-root").first();
  await alert.waitFor();
  await page.getByRole("dialog").waitFor({ state: "detached" });
  await screenshot(page, `italian-notification-${language}`);
  const close = alert.getByRole("button", { name: language === "en" ? "Close" : "Chiudi" });
  expect(await close.count()).toBe(1);
  return (await seriousViolations(page)).map((v) => `${language} notification: ${v}`);
}

describe("every page, axe-core (serious and critical)", () => {
  it("the login page and the API docs have none", async () => {
    const { page } = await w.session();
    await new LoginPage(page).open();
    expect(await seriousViolations(page)).toEqual([]);

    const blocked: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto("/api/docs");
    await page.locator(".swagger-ui .opblock-tag").first().waitFor({ timeout: 30_000 });
    await screenshot(page, "italian-api-docs");
    expect(blocked).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it.concurrent("every signed-in page in English, a notification open included", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    const found = await checkEveryPage(page, "en");
    found.push(...(await notificationOpen(page, "en")));
    expect(found).toEqual([]);
  }, 1_800_000);

  it.concurrent("every signed-in page in Italian, a notification open included", async () => {
    const { page } = await w.session();
    await new LoginPage(page).open();
    await page.getByLabel("Username").fill(ITALIAN.username);
    await page.getByLabel(/^Password/).fill(ITALIAN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: /^Benvenut/ }).waitFor({ timeout: 45_000 });
    const found = await checkEveryPage(page, "it");
    found.push(...(await notificationOpen(page, "it")));
    expect(found).toEqual([]);
  }, 1_800_000);
});
