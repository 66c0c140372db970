import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, today } from "../src/server/infra/time/civil-date.ts";
import { seriousViolations, settle } from "./pages/axe.ts";
import { DashboardPage } from "./pages/dashboard-page.ts";
import { IndicatorFactsPage } from "./pages/indicator-facts.ts";
import { LoginPage } from "./pages/login-page.ts";
import { ProgrammeFormPage } from "./pages/programme-form-page.ts";
import { labelled, Shell } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * The indicator facts in the web app: the administrators' page (a real verification finding
 * real differences, a rebuild, a clean verification), the "Live from facts" / "Recomputed"
 * badges of the indicator list and editor, and the programme form's impact confirmation —
 * including a recomputation that really fails on the server.
 */

interface Cell {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  size: number | null;
}
interface Verification {
  asOf: string[];
  cells: number;
  differences: number;
  startedBy: string;
  detail: {
    missing: boolean;
    differences: Array<{
      indicator: string;
      group: string | null;
      facts: Cell | null;
      recomputed: Cell | null;
    }>;
  };
}
interface FactsStatus {
  programmes: Array<{ id: number; code: string; builtAt: string | null; enrolments: number }>;
}
interface Programme {
  id: number;
  code: string;
  name: string;
  version: number;
  parameters: { earlyWindowDays: number; intensiveThreshold: number };
}

/** Enrolments of BPD-LOM whose facts the test falsifies before the server starts. */
const FALSIFIED = 10;

let w: World;
let admin: ApiClient;
let coordinator: ApiClient;
let bpd: Programme;
let imr: Programme;

beforeAll(async () => {
  w = await createWorld({
    // Before the server starts: the facts of BPD-LOM drift from the records (10 enrolments count
    // 7 interventions too many), and any recomputation of IMR-LOM's facts fails inside the
    // database (a constraint its new rows violate) — what a full disk or a timeout would do.
    prepare: async (dataDir) => {
      const db = new PGlite(path.join(dataDir, "pgdata"));
      try {
        await db.waitReady;
        const ids = await db.query<{ id: number; code: string }>(
          "select id, code from programmes where code in ('BPD-LOM', 'IMR-LOM')",
        );
        const id = (code: string) => ids.rows.find((r) => r.code === code)!.id;
        const falsified = await db.query(
          `update indicator_enrolment_facts set care_iv = care_iv + 7
           where enrolment_id in (select enrolment_id from indicator_enrolment_facts
             where programme_id = $1 order by enrolment_id desc limit ${FALSIFIED})`,
          [id("BPD-LOM")],
        );
        expect(falsified.affectedRows).toBe(FALSIFIED);
        await db.exec(
          `alter table indicator_enrolment_facts add constraint e2e_no_new_imr_facts
           check (programme_id <> ${id("IMR-LOM")}) not valid`,
        );
      } finally {
        await db.close();
      }
    },
  });
  admin = await ApiClient.login(w.server.url, "admin", DEMO_PASSWORD);
  coordinator = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
  const list = (await admin.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  const load = async (code: string) =>
    (await admin.get(`/api/programmes/${list.find((p) => p.code === code)!.id}`)).json as Programme;
  bpd = await load("BPD-LOM");
  imr = await load("IMR-LOM");
});
afterAll(async () => {
  await w?.close();
});

const verifications = async (programmeId: number) => {
  const res = await admin.get(`/api/programmes/${programmeId}/indicator-facts/verifications`);
  expect(res.status).toBe(200);
  return res.json as Verification[];
};
const factsOf = async (programmeId: number) =>
  ((await admin.get("/api/indicator-facts")).json as FactsStatus).programmes.find(
    (p) => p.id === programmeId,
  )!;
/** A modal once its opening transition has finished (for screenshots and contrast checks). */
async function opened(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await dialog
    .page()
    .waitForFunction((el) => getComputedStyle(el).opacity === "1", await dialog.elementHandle());
}
const number = (n: number) => new Intl.NumberFormat("en-GB").format(n);
/** A civil date `months` months before the first of the region's current month (the app's calendar). */
const firstOfMonth = (monthsBack: number) => addMonths(today(), -monthsBack);

describe("indicator facts in the web app", () => {
  it("an administrator finds facts that drifted, sees the differing cells, rebuilds and verifies again", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    const facts = new IndicatorFactsPage(page);

    // Given the Indicator facts page, next to the audit log in the administration menu
    const shell = new Shell(page);
    await shell.navigation.getByRole("link", { name: "Audit log" }).waitFor();
    await shell.go("Indicator facts");
    await settle(page, "Indicator facts");
    await page.getByText(/counters per enrolment and per site that every write keeps up to date/).waitFor();
    await page.getByText(/docs\/operations\.md/).waitFor();
    const before = await factsOf(bpd.id);
    const card = facts.card("BPD-LOM");
    expect(await facts.badge("BPD-LOM").textContent()).toBe("Not verified");
    expect(await card.textContent()).toContain(`Enrolments covered${number(before.enrolments)}`);

    // When "Verify now" runs (slowed down here so that its progress can be seen)
    await page.route("**/indicator-facts/verify", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await facts.verifyButton("BPD-LOM").click();
    await card.getByText("Verifying BPD-LOM: recomputing every indicator from the records…").waitFor();
    expect(await facts.verifyButton("BPD-LOM").isDisabled()).toBe(true);
    expect(await facts.rebuildButton("BPD-LOM").isDisabled()).toBe(true);
    await screenshot(page, "indicator-facts-verifying");

    // Then it says the facts differ, and the badge counts the differences the server recorded
    await card.getByText("The facts differ from the records").waitFor();
    await page.unroute("**/indicator-facts/verify");
    const [found] = await verifications(bpd.id);
    expect(found!.startedBy).toBe("admin");
    expect(found!.differences).toBeGreaterThan(0);
    expect(found!.detail.differences.every((d) => d.indicator === "interventions")).toBe(true);
    await card
      .getByText(`${number(found!.differences)} differences`)
      .first()
      .waitFor();
    expect(await facts.badge("BPD-LOM").textContent()).toBe(`${number(found!.differences)} differences`);
    expect(await card.textContent()).toContain(`Cells compared${number(found!.cells)}`);

    // And the history shows the differing cells: facts and recomputation side by side
    const history = await facts.openHistory("BPD-LOM");
    await history.getByRole("button", { name: /^Show the cells/ }).click();
    const cells = card.getByRole("table", { name: /^Cells that differed in the verification of/ });
    await cells.waitFor();
    expect(await cells.getByRole("row").count()).toBe(found!.detail.differences.length + 1);
    const programmeRow = found!.detail.differences.find((d) => d.group === null)!;
    const row = cells.getByRole("row").filter({ hasText: "All sites" }).first();
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("Interventions");
    expect(text).toContain(`numerator ${number(programmeRow.facts!.numerator!)}`);
    expect(text).toContain(`numerator ${number(programmeRow.recomputed!.numerator!)}`);
    expect(programmeRow.facts!.numerator! - programmeRow.recomputed!.numerator!).toBe(7 * FALSIFIED);
    await screenshot(page, "indicator-facts-differences", true);
    expect(await seriousViolations(page)).toEqual([]);

    // When the administrator asks for a rebuild, the confirmation says who waits; cancelled, nothing runs
    await facts.rebuildButton("BPD-LOM").click();
    let dialog = page.getByRole("dialog", { name: "Rebuild the facts of BPD-LOM?" });
    await opened(dialog);
    expect(await dialog.textContent()).toMatch(
      new RegExp(
        `one transaction \\(${number(before.enrolments)} enrolments today\\)\\. While it runs, everyone recording care for BPD-LOM waits for it`,
      ),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    expect((await factsOf(bpd.id)).builtAt).toBe(before.builtAt);

    // Confirmed, the facts are rebuilt from the registry
    await facts.rebuildButton("BPD-LOM").click();
    dialog = page.getByRole("dialog", { name: "Rebuild the facts of BPD-LOM?" });
    await dialog.getByRole("button", { name: "Rebuild now" }).click();
    await card
      .getByText(new RegExp(`^Facts of BPD-LOM rebuilt: ${number(before.enrolments)} enrolments in`))
      .waitFor();
    const rebuilt = await factsOf(bpd.id);
    expect(rebuilt.builtAt! > before.builtAt!).toBe(true);

    // When it verifies again on two dates of its choice, the facts are right
    const dates = [firstOfMonth(1), firstOfMonth(0)];
    await facts.pickDates("BPD-LOM", dates);
    await facts.verifyButton("BPD-LOM").click();
    await card.getByText("The facts are right").waitFor();
    const [clean] = await verifications(bpd.id);
    expect(clean).toMatchObject({ asOf: dates, differences: 0 });
    await card.locator('[data-outcome="ok"]').first().waitFor();
    expect(await facts.badge("BPD-LOM").textContent()).toBe("OK");

    // And the history lists both runs, newest first
    const rows = history.getByRole("row");
    await rows.nth(2).waitFor();
    expect(await rows.nth(1).textContent()).toContain("OK");
    expect(await rows.nth(2).textContent()).toContain(`${number(found!.differences)} differences`);
    await screenshot(page, "indicator-facts", true);
    expect(await seriousViolations(page)).toEqual([]);

    // In Italian too
    await shell.switchLanguage("Regional IT office", "Italiano");
    await settle(page, "Fatti degli indicatori");
    expect(await facts.card("BPD-LOM").getByRole("button", { name: "Verifica ora BPD-LOM" }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "indicator-facts-it");
    await shell.switchLanguage("Regional IT office", "English");
    await settle(page, "Indicator facts");
  });

  it("the page and its API are the administrators' only", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    expect(await new Shell(page).navLink("Indicator facts").count()).toBe(0);
    await page.goto("/admin/indicator-facts");
    await settle(page, "No access");
    expect((await coordinator.get("/api/indicator-facts")).status).toBe(403);
    expect((await coordinator.post(`/api/programmes/${bpd.id}/indicator-facts/verify`, {})).status).toBe(403);
  });

  it("a coordinator sees which indicators are live from facts and what the records they pick do to theirs", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const d = new DashboardPage(page);
    await page.goto(`/programmes/${bpd.id}/dashboard`);
    await d.heading("BPD-LOM dashboard");
    await d.go("Indicators");
    await d.heading("Indicators of the programme");

    // Every built-in indicator carries the badge the server's meta says, and the legend explains both
    const listed = (await coordinator.get(`/api/programmes/${bpd.id}/indicator-definitions`)).json as {
      definitions: Array<{
        id: string;
        builtIn: boolean;
        meta: { label: string; computedFrom: "facts" | "records" };
      }>;
    };
    const builtIn = d.table("Built-in catalogue");
    const badges = builtIn.locator("[data-computed-from]");
    expect(await badges.count()).toBe(listed.definitions.filter((x) => x.builtIn).length);
    for (const x of listed.definitions.filter((x) => x.builtIn).slice(0, 5)) {
      const row = builtIn.getByRole("row").filter({ has: page.getByText(x.id, { exact: true }) });
      expect(await row.locator("[data-computed-from]").getAttribute("data-computed-from")).toBe(
        x.meta.computedFrom,
      );
    }
    expect(await builtIn.getByText("Live from facts").count()).toBe(
      listed.definitions.filter((x) => x.builtIn && x.meta.computedFrom === "facts").length,
    );
    await page.getByText(/fresh right after each change/).waitFor();
    await page
      .getByText(/recomputed from the records and cached until the data change — slower at region scale/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Given a new indicator counting family contacts over the whole care period
    await page.getByRole("link", { name: "New indicator" }).click();
    await d.heading("New indicator");
    const field = (label: string) => page.locator("input, textarea").and(page.getByLabel(labelled(label)));
    const note = page.getByRole("region", { name: "How the dashboard will compute it" });
    await note.getByText("Preview to see how it will be computed with the records chosen now.").waitFor();
    await field("Label").fill("Family reached");
    await field("Identifier").fill("family_reached");
    await field("Recipients").click();
    await page.getByRole("option", { name: "Family", exact: true }).click();
    await page.getByRole("option", { name: "Patient and family", exact: true }).click();
    await page.keyboard.press("Escape");
    await field("Window").click();
    await page.getByRole("option", { name: "The whole care period" }).click();

    // When it is previewed, the note says the facts already count those records: live
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("region", { name: /^Preview as of/ }).waitFor();
    await note.locator('[data-computed-from="facts"]').waitFor();
    await note.getByText(/fresh right after each change/).waitFor();
    await page
      .getByRole("region", { name: /^Preview as of/ })
      .locator('[data-computed-from="facts"]')
      .waitFor();

    // When the window becomes the first 60 days, the answer is unknown until the next preview
    await field("Window").click();
    await page.getByRole("option", { name: "Days from … to …" }).click();
    await note.getByText("Preview to see how it will be computed with the records chosen now.").waitFor();
    await field("To day").fill("59");
    await page.getByRole("button", { name: "Preview" }).click();
    // Then the facts do not hold those records: recomputed, and the note says how to make it live
    await note.locator('[data-computed-from="records"]').waitFor();
    await note.getByText(/count records exactly as a built-in indicator does/).waitFor();
    await screenshot(page, "dashboard-editor-recomputed", true);
    expect(await seriousViolations(page)).toEqual([]);

    // When it is saved, the list shows it recomputed, as the server says
    await page.getByRole("button", { name: "Save indicator" }).click();
    await d.heading("Family reached");
    await d.go("Indicators");
    await d.heading("Indicators of the programme");
    const own = d.table("The programme’s own indicators");
    const ownRow = own.getByRole("row").filter({ has: page.getByText("family_reached", { exact: true }) });
    expect(await ownRow.locator("[data-computed-from]").textContent()).toBe("Recomputed");
    const saved = (await coordinator.get(`/api/programmes/${bpd.id}/indicator-definitions`))
      .json as typeof listed;
    expect(saved.definitions.find((x) => x.id === "family_reached")!.meta.computedFrom).toBe("records");
    await screenshot(page, "dashboard-indicators-computed-from", true);

    // And its editor says so from the start, without a preview
    await ownRow.getByRole("button", { name: "Edit Family reached" }).click();
    await d.heading("Edit Family reached");
    await note.locator('[data-computed-from="records"]').waitFor();
  });

  it("saving a change of parameters asks first how many enrolments it recomputes; a failed recomputation saves nothing", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const form = new ProgrammeFormPage(page);
    await page.goto(`/programmes/${bpd.id}/edit`);
    await settle(page, "Edit BPD-LOM");
    expect(await seriousViolations(page)).toEqual([]);

    // Given a shorter early window
    const impact = (
      await coordinator.post(`/api/programmes/${bpd.id}/parameter-impact`, {
        parameters: { earlyWindowDays: 60 },
      })
    ).json as { recomputes: boolean; enrolments: number; changes: string[] };
    expect(impact).toMatchObject({ recomputes: true, changes: ["earlyWindowDays"] });
    await form.field("Early window").fill("60");

    // When it is saved, the server's impact is shown and must be confirmed
    await form.submit();
    let dialog = page.getByRole("dialog", { name: "Recompute the indicator facts?" });
    await opened(dialog);
    expect(await dialog.textContent()).toContain(
      `Saving recomputes the indicator facts of ${number(impact.enrolments)} enrolments (changes: Early window).`,
    );
    await screenshot(page, "programme-impact");
    expect(await seriousViolations(page)).toEqual([]);

    // Cancelled: nothing saved, the form keeps the value typed
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(
      ((await coordinator.get(`/api/programmes/${bpd.id}`)).json as Programme).parameters.earlyWindowDays,
    ).toBe(bpd.parameters.earlyWindowDays);
    expect(await form.field("Early window").inputValue()).toBe("60");

    // Confirmed: saved (and recomputed)
    await form.submit();
    dialog = page.getByRole("dialog", { name: "Recompute the indicator facts?" });
    await dialog.getByRole("button", { name: "Save and recompute" }).click();
    await settle(page, /^BPD-LOM — /);
    expect(
      ((await coordinator.get(`/api/programmes/${bpd.id}`)).json as Programme).parameters.earlyWindowDays,
    ).toBe(60);

    // A change the facts do not depend on saves at once, without a question
    await page.goto(`/programmes/${bpd.id}/edit`);
    await settle(page, "Edit BPD-LOM");
    await form.field("Name").fill(`${bpd.name} (2026)`);
    await form.submit();
    await settle(page, /^BPD-LOM — /);
    expect(((await coordinator.get(`/api/programmes/${bpd.id}`)).json as Programme).name).toBe(
      `${bpd.name} (2026)`,
    );

    // When the recomputation fails inside the database (IMR-LOM's, here), nothing is saved and the form says so
    const adminSession = await w.session();
    const adminPage = adminSession.page;
    await new LoginPage(adminPage).signInAs("admin");
    const imrForm = new ProgrammeFormPage(adminPage);
    await adminPage.goto(`/programmes/${imr.id}/edit`);
    await settle(adminPage, "Edit IMR-LOM");
    await imrForm.field("Intensive-care threshold").fill(String(imr.parameters.intensiveThreshold + 2));
    await imrForm.submit();
    dialog = adminPage.getByRole("dialog", { name: "Recompute the indicator facts?" });
    await dialog.getByRole("button", { name: "Save and recompute" }).click();
    const alert = adminPage.getByRole("alert").filter({ hasText: "Nothing was saved" });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /recomputing the programme's indicator facts failed .*nothing was saved/,
    );
    await dialog.waitFor({ state: "detached" });
    await screenshot(adminPage, "programme-recompute-failed");
    expect(await seriousViolations(adminPage)).toEqual([]);
    const after = (await admin.get(`/api/programmes/${imr.id}`)).json as Programme;
    expect(after.version).toBe(imr.version);
    expect(after.parameters.intensiveThreshold).toBe(imr.parameters.intensiveThreshold);
    expect(await imrForm.field("Intensive-care threshold").inputValue()).toBe(
      String(imr.parameters.intensiveThreshold + 2),
    );
  });
});
