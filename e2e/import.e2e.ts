import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./pages/axe.ts";
import { ImportPage } from "./pages/import-page.ts";
import { LoginPage } from "./pages/login-page.ts";
import { choose, SitePatientsPage, typeDate } from "./pages/registry.ts";
import { Shell } from "./pages/shell.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";

const SITES = "site_code,site_name,area_code,area_name\n";
const PATIENTS = "patient_code,birth_year,sex,residence_area,first_contact_date\n";
const ENROLMENTS =
  "enrolment_code,patient_code,programme_code,site_code,enrolment_date,end_date,end_reason,primary_diagnosis,secondary_diagnosis,case_manager_code,case_manager_profile\n";

/** A directory of exchange-format files, written for the test. */
function extract(files: Record<string, string>): { dir: string; paths: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-e2e-import-"));
  const paths = Object.entries(files).map(([name, text]) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  });
  return { dir, paths };
}

let w: World;
const dirs: string[] = [];
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("importing an extract from the web app", () => {
  it("reports every problem of a broken extract by file, then imports the corrected one", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    await new Shell(page).navLink("Import and export").click();
    const imports = new ImportPage(page);
    await page.getByRole("heading", { level: 1, name: "Import and export" }).waitFor();

    // Given an extract whose patients.csv has a date not on the calendar and whose
    // enrolments.csv names a patient who is nowhere
    const broken = extract({
      "sites.csv": SITES,
      "patients.csv": `${PATIENTS}E2E-IMP-001,1999,F,ATS-BRI,2024-01-15\nE2E-IMP-002,2001,M,ATS-BRI,2024-02-30\n`,
      "enrolments.csv": `${ENROLMENTS}E2E-ENR-001,E2E-IMP-001,BPD-LOM,LECCO,2024-03-01,,,F60.3,,,\nE2E-ENR-002,E2E-NOBODY,BPD-LOM,LECCO,2024-03-01,,,F60.3,,,\n`,
    });
    dirs.push(broken.dir);

    // When its CSV files are uploaded, the job runs and is rejected
    await imports.upload(broken.paths);
    expect(await imports.finished()).toBe("rejected");

    // Then the report lists both problems, each under its file, with line and column
    await page.getByText("Rejected: nothing was imported").waitFor();
    await page.getByText("2 problems in 2 file(s). Fix them and import again.").waitFor();
    const patientProblems = await imports.problems("patients.csv");
    expect(patientProblems).toHaveLength(1);
    expect(patientProblems[0]).toMatch(/^3: first_contact_date: /);
    const enrolmentProblems = await imports.problems("enrolments.csv");
    expect(enrolmentProblems).toHaveLength(1);
    expect(enrolmentProblems[0]).toMatch(/^3: patient_code: .*E2E-NOBODY/);
    expect(await page.getByRole("table", { name: "Problems in sites.csv" }).count()).toBe(0);
    await screenshot(page, "import-rejected", true);
    expect(await seriousViolations(page)).toEqual([]);

    // And nothing was written: LECCO has no such patient
    const patients = new SitePatientsPage(page);
    await patients.open(6);
    await patients.search("E2E-IMP");
    await page.getByText("No patient's code starts with “E2E-IMP”.").waitFor();

    // When the corrected extract is uploaded as one zip
    const fixed = extract({
      "extract.zip": "",
    });
    dirs.push(fixed.dir);
    fs.writeFileSync(
      fixed.paths[0]!,
      zipSync({
        "extract/sites.csv": strToU8(SITES),
        "extract/patients.csv": strToU8(
          `${PATIENTS}E2E-IMP-001,1999,F,ATS-BRI,2024-01-15\nE2E-IMP-002,2001,M,ATS-BRI,2024-02-28\n`,
        ),
        "extract/enrolments.csv": strToU8(
          `${ENROLMENTS}E2E-ENR-001,E2E-IMP-001,BPD-LOM,LECCO,2024-03-01,,,F60.3,,,\nE2E-ENR-002,E2E-IMP-002,BPD-LOM,LECCO,2024-03-01,,,F60.3,,,\n`,
        ),
      }),
    );
    await imports.open();
    await imports.upload(fixed.paths);

    // Then it is imported, with its counts per file
    expect(await imports.finished()).toBe("done");
    await page.getByText("Imported", { exact: true }).waitFor();
    expect(await imports.countsOf("patients.csv")).toEqual([2, 2, 0, 0]);
    expect(await imports.countsOf("enrolments.csv")).toEqual([2, 2, 0, 0]);
    await screenshot(page, "import-done", true);

    // And the patients are LECCO's, enrolled
    await patients.open(6);
    await patients.search("E2E-IMP");
    await patients.row("E2E-IMP-002").getByText("BPD-LOM since 2024-03-01").waitFor();
    expect(await patients.table.getByRole("link", { name: /^E2E-IMP-/ }).count()).toBe(2);
  });

  it("exports a programme as a zip for its coordinator, and offers no import to a clinician", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const imports = new ImportPage(page);
    await imports.open();
    const link = page.getByRole("link", { name: /^Export BPD-LOM — / });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/api\/programmes\/\d+\/export$/);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/zip");
    expect((await res.body()).subarray(0, 2).toString()).toBe("PK");
    // The coordinator exports only the programme they coordinate
    expect(await page.getByRole("link", { name: /^Export IMR-LOM/ }).count()).toBe(0);

    // FHIR R4: the period defaults to the last twelve months; an end before the start is refused
    // before a request is made, and a valid period downloads the NDJSON zip
    const fhir = page.getByRole("region", { name: "FHIR R4 export" });
    await choose(fhir, "Programme", /^BPD-LOM — /);
    const download = fhir.getByRole("link", { name: "Download FHIR BPD-LOM" });
    const fhirHref = await download.getAttribute("href");
    expect(fhirHref).toMatch(
      /^\/api\/programmes\/\d+\/export\/fhir\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
    );
    await screenshot(page, "import-fhir-export");
    expect(await seriousViolations(page)).toEqual([]);
    const fhirZip = await page.request.get(fhirHref!);
    expect(fhirZip.status()).toBe(200);
    expect(fhirZip.headers()["content-type"]).toBe("application/zip");
    expect((await fhirZip.body()).subarray(0, 2).toString()).toBe("PK");
    await typeDate(fhir, "To", "2001-01-01");
    await fhir.getByText("The end is before the start").waitFor();
    expect(await fhir.getByRole("link", { name: /^Download FHIR/ }).count()).toBe(0);

    const clinician = await w.session();
    await new LoginPage(clinician.page).signInAs("clinician");
    expect(await new Shell(clinician.page).navLink("Import and export").count()).toBe(0);
    await clinician.page.goto("/imports");
    await clinician.page.getByRole("heading", { level: 1, name: "No access" }).waitFor();
  });
});
