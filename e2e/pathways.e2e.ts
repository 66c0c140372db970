import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, settle } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { choose, FastEntry, field, isoDaysFromToday, segment, typeDate } from "./pages/registry.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/** LECCO, where the demo clinician works. */
const LECCO = 6;
const CODE = "E2E-PATH-0001";

/**
 * Issue 13, part 3: a patient of LECCO misses an appointment ("did not attend" in the intervention
 * form); the site's disengagement worklist shows them under "missed last contact" and a check-in
 * takes them off; the clinician refers them to a directory service and records the decision, places
 * them in a quadrant, names their coordinator; the programme page shows the waiting times.
 */
let w: World;
let clinician: ApiClient;
let patientId: number;
let programmeId: number;
beforeAll(async () => {
  w = await createWorld();
  clinician = await ApiClient.login(w.server.url, "clinician", DEMO_PASSWORD);
  const list = (await clinician.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  programmeId = list.find((p) => p.code === "BPD-LOM")!.id;
  const res = await clinician.post("/api/patients", {
    siteId: LECCO,
    code: CODE,
    birthYear: 1999,
    sex: "F",
    firstContactDate: isoDaysFromToday(-50),
  });
  if (res.status !== 201) throw new Error(`patient: ${res.status} ${JSON.stringify(res.json)}`);
  patientId = (res.json as { id: number }).id;
  const enrolled = await clinician.post("/api/enrolments", {
    patientId,
    programmeId,
    siteId: LECCO,
    enrolmentDate: isoDaysFromToday(-40),
    primaryDiagnosis: "F60.3",
    caseManagerCode: "E2E-LEGACY-CM",
    overrideReason: "e2e journey",
  });
  if (enrolled.status !== 201) throw new Error(`enrol: ${enrolled.status} ${JSON.stringify(enrolled.json)}`);
  const seen = await clinician.post("/api/interventions", {
    patientId,
    siteId: LECCO,
    date: isoDaysFromToday(-12),
    type: "psychotherapy",
  });
  if (seen.status !== 201) throw new Error(`intervention: ${seen.status} ${JSON.stringify(seen.json)}`);
});
afterAll(async () => {
  await w?.close();
});

describe("care pathways", () => {
  it("the disengagement worklist shows a patient after a missed contact, and a check-in takes them off", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");
    await page.goto(`${w.server.url}/patients/${patientId}`);
    await settle(page, new RegExp(CODE));
    await page.getByRole("button", { name: "Record intervention" }).click();
    const entry = new FastEntry(page, CODE);
    const fast = entry.dialog;
    await fast.getByRole("checkbox", { name: "Did not attend" }).check();
    await entry.type("Psychotherapy");
    await typeDate(fast, "Date", isoDaysFromToday(-3));
    await screenshot(page, "pathways/dna-form");
    expect(await seriousViolations(page)).toEqual([]);
    await fast.getByRole("button", { name: "Record missed appointment" }).click();
    await page.getByText(`Missed appointment recorded for ${CODE}`).waitFor();
    await entry.close();

    await page.goto(`${w.server.url}/sites/${LECCO}/disengagement`);
    await settle(page, /LECCO disengagement/);
    const missed = page.locator('[data-worklist="disengagement-missed"]');
    const row = missed.locator(`tr[data-patient="${CODE}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(isoDaysFromToday(-3));
    // seen 12 days ago: not on "no contact for 30 days", on "for 7 days"
    const noContact = page.locator('[data-worklist="disengagement-no-contact"]');
    expect(await noContact.locator(`tr[data-patient="${CODE}"]`).count()).toBe(0);
    await field(page, "No contact for more than (days)").fill("7");
    await noContact.getByRole("heading", { name: "No contact for 7 days" }).waitFor();
    await noContact.locator(`tr[data-patient="${CODE}"]`).waitFor();
    await screenshot(page, "pathways/disengagement", true);
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole("button", { name: `Check in with ${CODE}` }).click();
    const modal = page.getByRole("dialog", { name: `${CODE}: check-in` });
    await choose(modal, "Outcome", "Reached");
    await field(modal, "Note").fill("Called, will come on Monday");
    await screenshot(page, "pathways/check-in-modal");
    expect(await seriousViolations(page)).toEqual([]);
    await modal.getByRole("button", { name: "Save" }).click();
    await modal.waitFor({ state: "detached" });
    await row.waitFor({ state: "detached" });
    expect(await noContact.locator(`tr[data-patient="${CODE}"]`).count()).toBe(0);
  });

  it("records a referral and its decision, a quadrant and the named coordinator on the patient page", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");
    await page.goto(`${w.server.url}/patients/${patientId}`);
    await settle(page, new RegExp(CODE));

    const referrals = page.locator('section[aria-labelledby="referrals-title"]');
    await referrals.getByText("No referral recorded.").waitFor();
    await referrals.getByRole("button", { name: "Refer" }).click();
    const modal = page.getByRole("dialog", { name: `${CODE}: refer to a service` });
    await choose(modal, "To service", /./);
    await field(modal, "Reason").fill("Housing support after discharge");
    await typeDate(modal, "Referral date", isoDaysFromToday(-9));
    await screenshot(page, "pathways/referral-modal");
    expect(await seriousViolations(page)).toEqual([]);
    await modal.getByRole("button", { name: "Save" }).click();
    await modal.waitFor({ state: "detached" });
    const row = referrals.locator("tbody tr").first();
    await row.getByText("Pending").waitFor();
    expect(await row.locator("[data-waiting]").textContent()).toBe("9 days");

    await row.getByRole("button", { name: /^Record the decision on the referral to / }).click();
    const decide = page.getByRole("dialog", { name: /: decision on the referral to / });
    await segment(decide, "Decision", "Accepted");
    await typeDate(decide, "Decision date", isoDaysFromToday(-6));
    await typeDate(decide, "First contact", isoDaysFromToday(-2));
    await decide.getByRole("button", { name: "Save" }).click();
    await decide.waitFor({ state: "detached" });
    await row.getByText("Accepted").waitFor();
    expect(await row.locator("[data-waiting]").textContent()).toBe("7 days");

    const quadrant = page.locator('section[aria-labelledby="quadrant-title"]');
    await quadrant.getByRole("button", { name: "Stratify" }).click();
    const q = page.getByRole("dialog", { name: `${CODE}: Four Quadrants` });
    await segment(q, "Mental health severity", "High");
    await segment(q, "Co-occurring condition severity", "High");
    await q.getByText("Quadrant: IV — high / high").waitFor();
    await q.getByRole("button", { name: "Save" }).click();
    await q.waitFor({ state: "detached" });
    await quadrant.locator('[data-current-quadrant="IV"]').waitFor();

    const coordinator = page.locator('section[aria-labelledby="coordinator-title"]');
    const enrolmentRow = coordinator.locator("tbody tr").first();
    await enrolmentRow.getByText("E2E-LEGACY-CM (not on the team)").waitFor();
    await enrolmentRow.getByRole("button", { name: /^Change the coordinator of / }).click();
    const c = page.getByRole("dialog", { name: /: named coordinator$/ });
    // the legacy code that matches nobody on the team is still shown, chosen
    await expect
      .poll(() => field(c, "Coordinator").inputValue())
      .toBe("E2E-LEGACY-CM — code not on the team (keep)");
    const team = (await clinician.get(`/api/professionals?siteId=${LECCO}`)).json as Array<{ code: string }>;
    const chosen = team[0]!.code;
    await choose(c, "Coordinator", new RegExp(`^${chosen} — `));
    await screenshot(page, "pathways/coordinator-modal");
    expect(await seriousViolations(page)).toEqual([]);
    await c.getByRole("button", { name: "Save" }).click();
    await c.waitFor({ state: "detached" });
    await expect
      .poll(() => enrolmentRow.locator("[data-coordinator]").textContent())
      .toContain(`${chosen} — `);
    await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0);
    // the confirmation has faded (axe reads a half-transparent notification as low contrast)
    await page.getByText(/^Coordinator of .* saved$/).waitFor({ state: "detached", timeout: 20_000 });
    await screenshot(page, "pathways/patient-page", true);
    expect(await seriousViolations(page)).toEqual([]);

    // the waiting-time card of the programme page counts the referral at LECCO
    const coordinatorApi = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
    const waits = (await coordinatorApi.get(`/api/programmes/${programmeId}/referral-waiting-times`))
      .json as {
      sites: Array<{ siteCode: string; referrals: number | null }>;
    };
    const lecco = waits.sites.find((s) => s.siteCode === "LECCO")!;
    expect(lecco.referrals).toBeGreaterThanOrEqual(1);
    const admin = await w.session();
    await new LoginPage(admin.page).signInAs("coordinator");
    await admin.page.goto(`${w.server.url}/programmes/${programmeId}`);
    await settle(admin.page, /^BPD-LOM/);
    const card = admin.page.locator('section[aria-labelledby="waiting-title"]');
    await card.locator('tr[data-site="LECCO"]').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(admin.page, "pathways/waiting-times-card");
    expect(await seriousViolations(admin.page)).toEqual([]);
  });
});
