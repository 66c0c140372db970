import { describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page.ts";
import {
  choose,
  field,
  isoDaysFromToday,
  PatientPage,
  SitePatientsPage,
  typeDate,
  WorklistsPage,
} from "./pages/registry.ts";
import { errorOf, Shell } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { worldPerFile } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/** LECCO, where the demo clinician works. */
const LECCO = 6;
const CODE = "E2E-CM-0001";

const w = worldPerFile();

describe("a case manager's day in the registry", () => {
  it("enrols a patient, records an intensive start, signs a plan, and the worklists follow", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");

    // The navigation leads to the site's patients
    await new Shell(page).navLink("Patients").click();
    const patients = new SitePatientsPage(page);
    await page.getByRole("heading", { level: 1, name: "Patients at LECCO" }).waitFor();

    // Given a new patient, registered under a pseudonym 80 days after their first contact…
    const enrolled = isoDaysFromToday(-80);
    const enrol = await patients.register({
      code: CODE,
      birthYear: 2001,
      sex: "Female",
      area: "ATS-BRI",
      firstContact: isoDaysFromToday(-85),
    });

    // …whose diagnosis is not the programme's target: the server's eligibility check says so
    await enrol.fill({ programme: /^BPD-LOM — /, date: enrolled, primary: "F32.1" });
    await enrol.eligibility.getByText("Not eligible").waitFor();
    await expect
      .poll(() => enrol.checks())
      .toEqual(["Age band: met", "Target diagnosis: not met", "New to the service: met"]);
    await screenshot(page, "registry-enrol-not-eligible");

    // Enrolling anyway without a reason is refused next to the reason
    await enrol.dialog.getByRole("button", { name: "Enrol anyway" }).click();
    const reason = field(enrol.dialog, "Reason for enrolling anyway");
    await page.waitForFunction(() => document.querySelector('textarea[aria-invalid="true"]') !== null);
    expect(await errorOf(reason)).toMatch(
      /^Reason for enrolling anyway is required because the patient does not meet the target diagnosis/,
    );

    // With a reason, the patient is enrolled and their page opens
    await reason.fill(
      "Depressive episode with marked borderline traits; the team judged the programme fits.",
    );
    await enrol.dialog.getByRole("button", { name: "Enrol anyway" }).click();
    const patient = new PatientPage(page);
    await patient.waitFor(CODE);
    const id = await patientId(page);
    const window = patient.earlyWindow("BPD-LOM");
    await window
      .getByText("Closed below the threshold")
      .or(window.getByText("Below the threshold"))
      .waitFor();
    await window.getByText("0 psychosocial interventions of 5").waitFor();
    await window.getByText("Enrolled although not eligible: Depressive episode").waitFor();

    // The worklists have the new enrolment: no case manager, no plan, an early window short of care
    const worklists = new WorklistsPage(page);
    await worklists.open(LECCO);
    expect(await worklists.codes("Without a case manager")).toContain(CODE);
    expect(await worklists.codes("Without a treatment plan")).toContain(CODE);
    expect(await worklists.codes("Early window below the threshold")).toContain(CODE);
    await worklists.list("Early window below the threshold").getByRole("link", { name: CODE }).click();
    await patient.waitFor(CODE);

    // The fast form: "n" opens it, a future date is refused next to the date…
    const entry = await patient.openFastEntry(CODE);
    await entry.type("Psychotherapy");
    await typeDate(entry.dialog, "Date", isoDaysFromToday(1));
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => document.querySelector('[role="dialog"] input[aria-invalid="true"]') !== null,
    );
    expect(await errorOf(field(entry.dialog, "Date"))).toMatch(/is in the future/);

    // …then, in the window, Enter records, and the form stays open for the next ones
    await typeDate(entry.dialog, "Date", isoDaysFromToday(-70));
    await entry.type("Psychotherapy");
    await entry.enter(1);
    await entry.enter(2);
    await entry.type("Family intervention");
    await entry.recipient("Family");
    await entry.enter(3);
    await entry.type("Skills training");
    await entry.recipient("Patient");
    await entry.enter(4);
    await entry.type("Psychiatric visit");
    await entry.enter(5);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400); // the button's loader fades out
    await screenshot(page, "registry-fast-entry");
    await entry.type("Assessment");
    await entry.enter(6);
    await entry.close();

    // Five psychosocial interventions: the start is intensive, and the family was reached
    await window.getByText("Intensive start").waitFor();
    await window.getByText("5 psychosocial interventions of 5").waitFor();
    await window.getByText("Family reached").waitFor();

    // A plan: created, then signed in a new version
    await page.getByRole("button", { name: "New plan" }).click();
    const create = page.getByRole("dialog", { name: `New treatment plan for ${CODE}` });
    await create.getByLabel("Shared with social services").check();
    await create.getByRole("button", { name: "Create plan" }).click();
    await create.waitFor({ state: "detached" });
    const planRow = patient.plans.getByRole("row").nth(1);
    await planRow.getByRole("cell", { name: "v1" }).waitFor();
    const planCode = (await planRow.getByRole("cell").first().textContent())!;
    expect(planCode).toMatch(/^TP-/);

    // Someone else signs it meanwhile (through the API): saving the older version is refused…
    const other = await ApiClient.login(w.server.url, "sitecoord", DEMO_PASSWORD);
    const timeline = (await other.get(`/api/patients/${id}/timeline`)).json as {
      plans: Array<{ id: number; version: number }>;
    };
    const plan = timeline.plans[0]!;
    const saved = await other.request("PATCH", `/api/treatment-plans/${plan.id}`, {
      baseVersion: plan.version,
      sharedWithWorkInclusion: true,
    });
    expect(saved.status).toBe(200);
    await patient.plans.getByRole("button", { name: `Edit ${planCode}` }).click();
    const edit = page.getByRole("dialog", { name: `Plan ${planCode} (version 1)` });
    await edit.getByLabel("Signed by the patient").check();
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.getByText("Someone else saved a newer version").waitFor();
    await screenshot(page, "registry-plan-stale");

    // …the latest version is loaded, the signature applied again, and saved as version 3
    await edit.getByRole("button", { name: "Load the latest version" }).click();
    const latest = page.getByRole("dialog", { name: `Plan ${planCode} (version 2)` });
    expect(await latest.getByLabel("Shared with work inclusion").isChecked()).toBe(true);
    expect(await latest.getByLabel("Signed by the patient").isChecked()).toBe(false);
    await latest.getByLabel("Signed by the patient").check();
    await latest.getByLabel("Discussed with the patient on").fill(isoDaysFromToday(0));
    await page.keyboard.press("Escape");
    await latest.getByRole("button", { name: "Save" }).click();
    await latest.waitFor({ state: "detached" });
    await planRow.getByRole("cell", { name: "v3" }).waitFor();

    // The history keeps the three versions
    await patient.plans.getByRole("button", { name: `History of plan ${planCode}` }).click();
    const history = page.getByRole("dialog", { name: `History of plan ${planCode}` });
    await history.getByRole("cell", { name: "v3" }).waitFor();
    expect(await history.getByRole("row").count()).toBe(4);
    await history.getByRole("button", { name: "Close" }).click();
    await patient.earlyWindow("BPD-LOM").getByText("Plan signed").waitFor();

    // The timeline holds it all, newest first, and its filters narrow it
    const events = patient.timeline;
    await events.getByText("Enrolled in BPD-LOM").waitFor();
    await events.getByText(`Treatment plan ${planCode}, version 3`).waitFor();
    expect(await events.getByText("Psychotherapy", { exact: true }).count()).toBe(2);
    await events.getByText("Interventions (6)").click();
    await events.getByText("4 events of 10").waitFor();
    expect(await events.getByText("Psychotherapy", { exact: true }).count()).toBe(0);
    await events.getByText("Interventions (6)").click();
    await screenshot(page, "registry-patient", true);

    // The worklists changed: care, plan and signature took the patient off three lists
    await worklists.open(LECCO);
    expect(await worklists.codes("Early window below the threshold")).not.toContain(CODE);
    expect(await worklists.codes("Without a treatment plan")).not.toContain(CODE);
    expect(await worklists.codes("Plan not signed")).not.toContain(CODE);
    expect(await worklists.codes("Without a case manager")).toContain(CODE);

    // Naming the case manager from the worklist takes them off the last one
    await page.getByRole("button", { name: `Name the case manager of ${CODE}` }).click();
    const manager = page.getByRole("dialog", { name: `Case manager of ${CODE}` });
    await choose(manager, "Case manager", /^LECCO-P03 — /);
    await manager.getByRole("button", { name: "Save" }).click();
    await manager.waitFor({ state: "detached" });
    await worklists
      .list("Without a case manager")
      .getByRole("link", { name: CODE })
      .waitFor({ state: "detached" });
    await screenshot(page, "registry-worklists", true);

    // The patient page as the case manager sees it now (for the documentation)
    await page.setViewportSize({ width: 1366, height: 1180 });
    await worklists.list("Without a case manager").waitFor();
    await page.goto(`/patients/${id}`);
    await patient.waitFor(CODE);
    await patient.earlyWindow("BPD-LOM").getByText("Case manager LECCO-P03").waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0);
    await screenshot(page, "registry-patient-page");
  });

  it("runs a group session with attendance and sees the interventions it created", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");
    await page.goto(`/sites/${LECCO}/groups`);
    await page.getByRole("heading", { level: 1, name: "Groups at LECCO" }).waitFor();

    // An IMR group of 10 is refused: the server says so next to the capacity
    await page.getByRole("button", { name: "New group" }).click();
    const create = page.getByRole("dialog", { name: "New group" });
    await choose(create, "Kind", "IMR group");
    await field(create, "Name").fill("IMR group E2E");
    await choose(create, "Programme", /^IMR-LOM — /);
    await typeDate(create, "Start date", isoDaysFromToday(-7));
    await field(create, "Capacity").fill("10");
    await create.getByRole("button", { name: "Create group" }).click();
    await page.waitForFunction(
      () => document.querySelector('[role="dialog"] input[aria-invalid="true"]') !== null,
    );
    expect(await errorOf(field(create, "Capacity"))).toBe("an IMR group takes at most 8 members");

    // At 8 it is created and its page opens
    await field(create, "Capacity").fill("8");
    await create.getByRole("button", { name: "Create group" }).click();
    await page.getByRole("heading", { level: 1, name: "IMR group E2E" }).waitFor();

    // Members: the patient registered in the first test and two others of the site
    await page.getByRole("button", { name: "Members", exact: true }).click();
    const members = page.getByRole("dialog", { name: "Members of IMR group E2E" });
    const picker = field(members, "Add a patient");
    for (const prefix of [CODE, "P-", "P-"]) {
      await picker.click();
      await picker.fill(prefix);
      // Our patient by their code; then the first other patient of the site
      await (prefix === CODE
        ? page.getByRole("option", { name: CODE })
        : page.getByRole("option").first()
      ).click();
    }
    await members.getByText("3 current members of at most 8").waitFor();
    await members.getByRole("button", { name: "Save" }).click();
    await members.waitFor({ state: "detached" });
    await page.getByRole("table", { name: "Members" }).getByRole("link", { name: CODE }).waitFor();

    // A session: module IMR-1, two of the three attend
    await page.getByRole("button", { name: "Run a session" }).click();
    const session = page.getByRole("dialog", { name: "Session of IMR group E2E" });
    await choose(session, "Module", /^IMR-1 — /);
    const attendance = session.getByRole("group", { name: "Attendance" });
    const boxes = attendance.getByRole("checkbox");
    expect(await boxes.count()).toBe(3);
    const names = await boxes.evaluateAll((els) =>
      els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ""),
    );
    const absent = names.find((n) => n !== CODE)!;
    await attendance.getByRole("checkbox", { name: absent, exact: true }).uncheck();
    await session.getByText("2 of 3 members present").waitFor();
    await screenshot(page, "registry-group-session");
    await session.getByRole("button", { name: "Record the session" }).click();

    // The session created one group intervention per attending patient, as IMR sessions
    await session.getByText(/Session of .* recorded: 2 group interventions created\./).waitFor();
    const created = session.getByRole("table", { name: "Interventions created by the session" });
    expect(await created.getByRole("row").count()).toBe(3);
    expect(await created.getByRole("cell", { name: "IMR session" }).count()).toBe(2);
    expect(await created.getByRole("cell", { name: absent }).count()).toBe(0);
    expect(await created.getByRole("cell", { name: CODE }).count()).toBe(1);
    expect(await created.getByRole("cell", { name: CODE }).count()).toBe(1);
    await screenshot(page, "registry-group-session-done");
    await session.getByRole("button", { name: "Done" }).click();
    await page.getByRole("table", { name: "Sessions" }).getByRole("cell", { name: "IMR-1" }).waitFor();

    // The patient's timeline shows the group session
    await page.getByRole("table", { name: "Members" }).getByRole("link", { name: CODE }).click();
    const patient = new PatientPage(page);
    await patient.waitFor(CODE);
    await patient.timeline.getByText("IMR session — IMR group E2E").waitFor();
  });

  it("records a day's interventions at once, with a row's problem shown on that row", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");
    await page.goto(`/sites/${LECCO}/day-entry`);
    await page.getByRole("heading", { level: 1, name: "Day entry at LECCO" }).waitFor();

    // Row 1: our patient, nursing; row 2 repeats it but names no patient
    const patientOf = (n: number) => field(page, `Patient, row ${n}`);
    await patientOf(1).click();
    await patientOf(1).fill(CODE);
    await page.getByRole("option", { name: CODE }).click();
    await choose(page, "Type, row 1", "Nursing");
    await field(page, "Duration, row 1").fill("20");
    await page.getByRole("button", { name: "Add row" }).click();
    await page.getByRole("button", { name: "Record 2 interventions" }).click();

    // The server's error for row 2 is on row 2's patient, and nothing was recorded
    await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
    expect(await errorOf(patientOf(2))).toBeTruthy();
    expect(await errorOf(patientOf(1))).toBeNull();
    await screenshot(page, "registry-day-entry-error");

    // With a patient on row 2, both are recorded
    await patientOf(2).click();
    await patientOf(2).fill("P-");
    await page.getByRole("option").first().click();
    await page.getByRole("button", { name: "Record 2 interventions" }).click();
    await page.getByRole("status").getByText("2 interventions recorded").waitFor();
  });
});

/** The id of the patient whose page is open. */
async function patientId(page: import("playwright-core").Page): Promise<number> {
  return Number(/\/patients\/(\d+)/.exec(page.url())![1]);
}
