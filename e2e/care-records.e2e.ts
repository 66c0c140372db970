import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, settle } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { choose, field, isoDaysFromToday, typeDate } from "./pages/registry.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * Issue 13, part 3: a clinician records consent, a crisis plan and a care plan's goals and
 * actions; a second service with consent reads the plan while one without consent is refused;
 * once consent is withdrawn, the second service is refused on its next read.
 */
const LECCO = 6;
const NEW_PASSWORD = "shared-care-plans-2026";
let w: World;
let admin: ApiClient;
let clinician: ApiClient;
let patientId = 0;
const sites: Record<string, number> = {};
const services: Record<string, { id: number; name: string; version: number }> = {};

/** A clinician of `site`, created by the administrator, who has changed the first password. */
async function siteClinician(username: string, siteId: number): Promise<ApiClient> {
  const res = await admin.post("/api/users", {
    username,
    password: DEMO_PASSWORD,
    grants: [{ role: "clinician", siteId }],
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  const first = await ApiClient.login(w.server.url, username, DEMO_PASSWORD);
  const changed = await first.post("/api/me/password", {
    currentPassword: DEMO_PASSWORD,
    newPassword: NEW_PASSWORD,
  });
  expect(changed.status, JSON.stringify(changed.json)).toBeLessThan(300);
  return ApiClient.login(w.server.url, username, NEW_PASSWORD);
}

beforeAll(async () => {
  w = await createWorld();
  admin = await ApiClient.login(w.server.url, "admin", DEMO_PASSWORD);
  clinician = await ApiClient.login(w.server.url, "clinician", DEMO_PASSWORD);
  for (const s of (await admin.get("/api/sites")).json as Array<{ id: number; code: string }>)
    sites[s.code] = s.id;
  const region = ((await admin.get("/api/regions")).json as Array<{ id: number; code: string }>).find(
    (r) => r.code === "LOM",
  )!;
  for (const s of (await admin.get(`/api/directory/services?regionId=${region.id}`)).json as Array<{
    id: number;
    code: string;
    name: string;
    version: number;
  }>)
    services[s.code] = s;
  const patient = await clinician.post("/api/patients", {
    siteId: LECCO,
    code: "E2E-CARE-0001",
    birthYear: 1995,
    sex: "F",
  });
  expect(patient.status).toBe(201);
  patientId = (patient.json as { id: number }).id;
  const plan = await clinician.post("/api/treatment-plans", {
    patientId,
    siteId: LECCO,
    createdDate: isoDaysFromToday(-20),
    signedByPatient: true,
    sharedWithSocialServices: true,
    sharedWithWorkInclusion: false,
    integratedActionsStarted: false,
  });
  expect(plan.status).toBe(201);
});
afterAll(async () => {
  await w?.close();
});

describe("consent and shared care plans", () => {
  it("a clinician records consent and plans; a consented service reads them, another is refused; withdrawal refuses the next read", async () => {
    const social = services["DIR-SERVIZI-SOCIALI-MB"]!;
    const work = services["DIR-IPS-LAVORO"]!;

    // The regional coordinator links the social service to BRIANZA from the directory's edit form
    const coord = await w.session();
    await new LoginPage(coord.page).signInAs("coordinator");
    await coord.page.goto("/directory");
    await coord.page.getByRole("heading", { level: 1, name: "Directory of services" }).waitFor();
    await coord.page.getByRole("button", { name: `Open ${social.name}` }).click();
    const drawer = coord.page.getByRole("dialog", { name: `Details of ${social.name}` });
    await drawer.getByRole("button", { name: "Edit" }).click();
    const form = coord.page.getByRole("dialog", { name: "Edit service" });
    await choose(form, "Site of the region", /^BRIANZA/);
    await screenshot(coord.page, "care/care-directory-site");
    expect(await seriousViolations(coord.page)).toEqual([]);
    await form.getByRole("button", { name: "Save" }).click();
    await form.waitFor({ state: "detached" });
    const linked = (await admin.get(`/api/directory/services/${social.id}`)).json as { siteId: number };
    expect(linked.siteId).toBe(sites.BRIANZA);
    // … and the employment service to MONZA, through the API
    const current = (await admin.get(`/api/directory/services/${work.id}`)).json as { version: number };
    const put = await admin.request("PUT", `/api/directory/services/${work.id}/site`, {
      baseVersion: current.version,
      siteId: sites.MONZA,
    });
    expect(put.status).toBe(200);

    const socialWorker = await siteClinician("e2e-social", sites.BRIANZA!);
    const workCoach = await siteClinician("e2e-work", sites.MONZA!);

    // The Lecco case manager records consent and writes the plans on the patient's page
    const clin = await w.session();
    await new LoginPage(clin.page).signInAs("clinician");
    await clin.page.goto(`/patients/${patientId}`);
    await settle(clin.page, /E2E-CARE-0001/);
    const section = clin.page.locator('section[aria-labelledby="care-title"]');
    await section.getByText("No consent recorded.").waitFor();
    await section.getByRole("button", { name: "Record consent" }).click();
    const consent = clin.page.getByRole("dialog", { name: "E2E-CARE-0001: consent to share" });
    await choose(consent, "Shared with (service)", social.name);
    await choose(consent, "What is shared", "Care and crisis plan");
    await typeDate(consent, "Date given", isoDaysFromToday(-2));
    await screenshot(clin.page, "care/care-consent-modal");
    expect(await seriousViolations(clin.page)).toEqual([]);
    await consent.getByRole("button", { name: "Save" }).click();
    await consent.waitFor({ state: "hidden" });
    await section.locator('tr[data-consent="DIR-SERVIZI-SOCIALI-MB"]').getByText("Current").waitFor();

    await section.getByRole("button", { name: "Write crisis plan" }).click();
    const crisis = clin.page.getByRole("dialog", { name: "E2E-CARE-0001: crisis plan" });
    await field(crisis, "Early warning signs").fill("Stops sleeping; stops answering the phone");
    await field(crisis, "What helps").fill("A walk with her sister; a call with the case manager");
    await crisis.getByRole("button", { name: "Add an action" }).click();
    await field(crisis, "Action 1: What").fill("Sister calls the case manager");
    await choose(crisis, "Action 1: Who", "Family or carers");
    await choose(crisis, "Crisis contacts", social.name);
    await clin.page.keyboard.press("Escape");
    // a review date before the plan's date is refused beside its field
    await typeDate(crisis, "Review date", isoDaysFromToday(-30));
    await crisis.getByRole("button", { name: "Save" }).click();
    await crisis.getByText(/cannot be before the plan's date|must be on or after the plan's date/).waitFor();
    await screenshot(clin.page, "care/care-crisis-modal-error");
    await typeDate(crisis, "Review date", isoDaysFromToday(60));
    await crisis.getByRole("button", { name: "Save" }).click();
    await crisis.waitFor({ state: "hidden" });
    await section.getByText("Stops sleeping; stops answering the phone").waitFor();

    await section.getByRole("button", { name: /^Edit goals and actions of/ }).click();
    const carePlan = clin.page.getByRole("dialog", { name: /goals and actions$/ });
    await field(carePlan, "Goal 1").fill("Back to part-time work");
    await carePlan.getByRole("button", { name: "Add an action" }).click();
    const action = carePlan.getByRole("group", { name: "Action 1" });
    await field(action, "What").fill("Meet the social worker about housing");
    await choose(action, "Who", social.name);
    await choose(action, "Status", "In progress");
    await screenshot(clin.page, "care/care-plan-modal");
    expect(await seriousViolations(clin.page)).toEqual([]);
    await carePlan.getByRole("button", { name: "Save" }).click();
    await carePlan.waitFor({ state: "hidden" });
    await section.getByRole("cell", { name: "Meet the social worker about housing" }).waitFor();
    await clin.page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0);
    await screenshot(clin.page, "care/care-section", true);
    expect(await seriousViolations(clin.page)).toEqual([]);

    // The social service (BRIANZA, consented) reads the plans
    const sw = await w.session();
    await new LoginPage(sw.page).signInAs("e2e-social", NEW_PASSWORD);
    await sw.page.getByRole("link", { name: "Plans shared with my service" }).click();
    await sw.page.getByRole("heading", { level: 1, name: "Plans shared with my service" }).waitFor();
    await sw.page.getByRole("link", { name: "Open the plans of E2E-CARE-0001" }).click();
    await sw.page.getByRole("heading", { level: 1, name: "Shared plans of E2E-CARE-0001" }).waitFor();
    await sw.page.getByText("Stops sleeping; stops answering the phone").waitFor();
    await sw.page.getByText("Back to part-time work").waitFor();
    await screenshot(sw.page, "care/care-shared-plan", true);
    expect(await seriousViolations(sw.page)).toEqual([]);

    // The employment service (MONZA, no consent) is refused, in the API and in the browser
    const refused = await workCoach.get(`/api/care/shared/patients/${patientId}`);
    expect(refused.status).toBe(403);
    expect((refused.json as { reason: string }).reason).toBe("no_consent");
    expect((await workCoach.get("/api/care/shared")).json).toEqual([]);
    const wc = await w.session();
    await new LoginPage(wc.page).signInAs("e2e-work", NEW_PASSWORD);
    await wc.page.goto(`/care/shared/${patientId}`);
    await wc.page.getByText(/has not consented to share this plan with your service/).waitFor();
    await screenshot(wc.page, "care/care-shared-refused");
    expect(await seriousViolations(wc.page)).toEqual([]);

    // The case manager records the withdrawal; the social service is refused on its next read
    await section.getByRole("button", { name: `Withdraw consent for ${social.name}` }).click();
    const withdraw = clin.page.getByRole("dialog", { name: `Withdraw consent for ${social.name}` });
    await field(withdraw, "Reason").fill("Asked to stop sharing with the social service");
    await withdraw.getByRole("button", { name: "Withdraw", exact: true }).click();
    await withdraw.waitFor({ state: "hidden" });
    await section.locator('tr[data-consent="DIR-SERVIZI-SOCIALI-MB"]').getByText("Withdrawn").waitFor();
    const next = await socialWorker.get(`/api/care/shared/patients/${patientId}`);
    expect(next.status).toBe(403);
    await sw.page.reload();
    await sw.page.getByText(/has not consented to share this plan with your service/).waitFor();
    await screenshot(sw.page, "care/care-shared-withdrawn");
  });
});
