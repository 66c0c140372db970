import { describe, expect, it } from "vitest";
import { seriousViolations, settle } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { Shell } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { worldPerFile } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

const LECCO = 6;

const w = worldPerFile();

/** A LECCO demo patient with client and clinician IMRS of the same timepoint (the demo's IMR programme). */
async function patientWithImrsPairs(api: ApiClient): Promise<{ id: number; code: string }> {
  const page = (await api.get(`/api/patients?siteId=${LECCO}&limit=200`)).json as {
    items: Array<{ id: number; code: string }>;
  };
  for (const p of page.items) {
    const c = (await api.get(`/api/patients/${p.id}/imrs-comparison`)).json as { pairs: unknown[] };
    if (c.pairs.length > 0) return p;
  }
  throw new Error("no LECCO demo patient has paired IMRS ratings");
}

describe("the measures pages (axe-core)", () => {
  it("have no serious or critical violations", async () => {
    const api = await ApiClient.login(w.server.url, "sitecoord", DEMO_PASSWORD);
    const patient = await patientWithImrsPairs(api);
    const programmes = (await api.get("/api/programmes")).json as Array<{ id: number; code: string }>;
    const imr = programmes.find((p) => p.code === "IMR-LOM")!.id;
    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    const found: string[] = [];
    const visit = async (url: string, heading: string | RegExp, shot: string) => {
      await page.goto(url);
      await settle(page, heading).catch(async (e) => {
        await screenshot(page, "debug-fail", true);
        throw e;
      });
      await page.mouse.move(0, 0);
      found.push(...(await seriousViolations(page)).map((v) => `${url}: ${v}`));
      await screenshot(page, shot, true);
    };

    await visit(`/patients/${patient.id}#measures`, `Patient ${patient.code}`, "measures-patient-outcomes");
    await page.getByRole("tab", { name: "Client and clinician IMRS" }).click();
    await page.getByRole("table", { name: "Client and clinician IMRS totals" }).waitFor();
    found.push(...(await seriousViolations(page)).map((v) => `IMRS tab: ${v}`));
    await page.getByRole("tab", { name: "IMR summary" }).click();
    await page.getByRole("form", { name: "IMR summary form" }).waitFor();
    found.push(...(await seriousViolations(page)).map((v) => `IMR summary tab: ${v}`));
    await screenshot(page, "measures-imr-summary");

    await visit(
      `/patients/${patient.id}/measures/new?instrument=PHQ-9`,
      `Record a measure for ${patient.code}`,
      "measures-administration-form",
    );
    await visit(
      `/sites/${LECCO}/fidelity?programmeId=${imr}`,
      "Fidelity reviews at LECCO",
      "measures-site-fidelity",
    );
    await visit(
      `/sites/${LECCO}/fidelity/new?programmeId=${imr}&scale=TREATMENT-INTEGRITY`,
      "New fidelity review at LECCO",
      "measures-review-form",
    );
    await visit(`/programmes/${imr}/outcomes`, "Outcomes of IMR-LOM", "measures-programme-outcomes");
    await visit(`/programmes/${imr}/training`, "Training and practice in IMR-LOM", "measures-training");
    await visit(`/sites/${LECCO}/workforce`, "Workforce at LECCO", "measures-workforce");
    await visit("/measures/library", "Instrument library", "measures-library");
    await visit("/measures/library/BSL-23", /^BSL-23 — /, "measures-instrument");

    // In Italian too: the same pages, every string translated
    await new Shell(page).switchLanguage("Lecco implementation team coordinator", "Italiano");
    await visit(`/programmes/${imr}/training`, "Formazione e pratica in IMR-LOM", "measures-training-it");
    await visit(
      `/patients/${patient.id}/measures/new?instrument=PHQ-9`,
      `Registra una misura per ${patient.code}`,
      "measures-administration-form-it",
    );
    expect(found).toEqual([]);
  });
});
