import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page.ts";
import { AdministrationForm, PatientMeasures } from "./pages/measures.ts";
import { isoDaysFromToday } from "./pages/registry.ts";
import { errorOf } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/** LECCO, where the demo clinician and site coordinator work. */
const LECCO = 6;

let w: World;
let clinician: ApiClient;
beforeAll(async () => {
  w = await createWorld();
  clinician = await ApiClient.login(w.server.url, "clinician", DEMO_PASSWORD);
});
afterAll(async () => {
  await w?.close();
});

/** A new patient registered at LECCO through the API. */
async function newPatient(code: string, birthYear: number): Promise<number> {
  const res = await clinician.post("/api/patients", { siteId: LECCO, code, birthYear, sex: "F" });
  expect(res.status).toBe(201);
  return (res.json as { id: number }).id;
}

describe("measures in the browser", () => {
  it("enters a PHQ-9 item by item, scores it live with its band, and refuses bad input next to the field", async () => {
    const code = "E2E-PHQ-0001";
    const id = await newPatient(code, 1990);
    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");
    const form = new AdministrationForm(page);
    await form.open(id, code);
    await form.instrument(/^PHQ-9 — /);

    // Eight items answered (sum 10), item 9 left blank: prorated to 10 / 8 × 9 = 11.25 → 11, moderate
    const answers = [2, 2, 1, 1, 2, 1, 1, 0];
    for (const [i, v] of answers.entries()) await form.answer(new RegExp(`^${i + 1}\\. `), v);
    await form.expectScore("11", "Moderate");
    await form.score.getByText("8 answered, 1 missing · prorated for the missing items").waitFor();

    // Item 9 above 0: the total is the plain sum and the self-harm flag asks for a risk assessment
    await form.answer(/^9\. Thoughts that you would be better off dead/, 1);
    await form.expectScore("11", "Moderate");
    await form.score.getByText(/assess suicide risk today/).waitFor();
    // A changed answer changes the score at once: 15 is moderately severe
    await form.answer(/^1\. /, 3);
    await form.answer(/^2\. /, 3);
    await form.answer(/^5\. /, 3);
    await form.answer(/^7\. /, 2);
    await form.expectScore("15", "Moderately severe");
    await screenshot(page, "measures-phq9");

    // Total-only entry out of range: refused next to the total, the typed value kept
    await form.entry("Total only");
    await form.total.fill("30");
    await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
    expect(await errorOf(form.total)).toMatch(/0.*27/);
    expect(await form.total.inputValue()).toBe("30");

    // Back to the items: the answers are still there; a date before the birth year is refused
    await form.entry("Item by item");
    await form.expectScore("15", "Moderately severe");
    await form.date("1985-03-01");
    await form.save();
    await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
    const dateField = page.getByLabel(/^Date of administration/);
    expect(await errorOf(dateField)).toMatch(/before the patient's birth year 1990/);
    expect(await form.item(/^1\. /).getByRole("radio", { name: /^3\b/ }).isChecked()).toBe(true);

    // With a real date it is stored; the patient's outcomes show it with its band
    await form.date(isoDaysFromToday(-1));
    await form.save();
    await page.getByRole("heading", { level: 1, name: `Patient ${code}` }).waitFor();
    const measures = new PatientMeasures(page);
    await measures.scores("PHQ-9").waitFor();
    const rows = await measures.rows("PHQ-9");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(1)).toEqual([
      "Baseline",
      "Patient",
      "15",
      "Moderately severe",
      "self harm thoughts",
    ]);
    await measures.tab("Administrations");
    await measures.section.getByRole("cell", { name: "9 items (0 missing)" }).waitFor();
  });
});
