import fhirPackage from "fhir";
import { sql } from "kysely";
import { expect } from "vitest";
import type { Resource } from "../../src/server/fhir/resources.ts";
import { BASE, csv, importFiles } from "../exchange/support.ts";
import type { World } from "../support/world.ts";

/**
 * The FHIR validator of the tests: the `fhir` npm package, pinned at 4.12.0 (package.json), with
 * its bundled FHIR R4 (4.0.1) base StructureDefinitions and value sets. It checks each resource
 * against its base profile: cardinalities, types, required bindings, unknown properties.
 */
export const FHIR_VALIDATOR = { package: "fhir", version: "4.12.0", fhirVersion: "4.0.1 (R4)" };
const fhir = new fhirPackage.Fhir();

/**
 * A Praxis code in an element whose R4 binding is only an example (Procedure.code,
 * Observation.code, EpisodeOfCare.type): the validator warns that HL7's example value set does not
 * hold it, which is true of every local code. A code under a required binding is an error instead,
 * and is never excused.
 */
const LOCAL_CODE_NOT_IN_EXAMPLE =
  /^Code "[^"]+" \(https:\/\/praxis-mh\.org\/fhir\/CodeSystem\/[a-z-]+\) not found in value set$/;

/**
 * A Measure population's criteria are written in Praxis's indicator language, not CQL or FHIRPath:
 * its language is `text/plain`, which R4's extensible expression-language binding allows when no
 * code of the value set fits (and the validator warns about).
 */
const PLAIN_CRITERIA = (location: string, message: string) =>
  /\.criteria\.language$/.test(location) && message === 'Code "text/plain" not found in value set';

/**
 * The validator's errors and warnings for a resource ([] when it is valid); information messages
 * (a value set the package does not bundle), LOCAL_CODE_NOT_IN_EXAMPLE and PLAIN_CRITERIA
 * warnings are left out.
 */
export function validationMessages(resource: Resource): string[] {
  const result = fhir.validate(resource);
  return result.messages
    .filter(
      (m) =>
        m.severity === "error" ||
        (m.severity === "warning" &&
          !LOCAL_CODE_NOT_IN_EXAMPLE.test(m.message ?? "") &&
          !PLAIN_CRITERIA(m.location ?? "", m.message ?? "")),
    )
    .map((m) => `${m.severity} ${m.location}: ${m.message}`);
}

/** Every `reference` in a resource, wherever it sits. */
export function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "reference" && typeof v === "string") out.push(v);
      else referencesIn(v, out);
    }
  }
  return out;
}

/** NDJSON text as resources, checking that each line is one JSON object. */
export function parseNdjson(text: string): Resource[] {
  if (text === "") return [];
  expect(text.endsWith("\n")).toBe(true);
  return text
    .slice(0, -1)
    .split("\n")
    .map((line) => JSON.parse(line) as Resource);
}

/** The exchange format's base extract, moved into the world: BPD-LOM at S1 and S2. */
function bpdExtract(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, rows] of Object.entries(BASE)) {
    const body = name === "sites.csv" ? [rows[0]!] : rows;
    out[name] = csv(body)
      .replace(/\bPRG\b/g, "BPD-LOM")
      .replace(/\bX1\b/g, "S1")
      .replace(/\bX2\b/g, "S2");
  }
  // An intervention after the period (2025): outside a 2024 export.
  out["interventions.csv"] += "I9,P1,S1,2025-02-01,psychotherapy,individual,patient,,,50,,\n";
  return out;
}

/** An IMR patient at S3: never part of a BPD export. */
const imrExtract = {
  "sites.csv": csv([BASE["sites.csv"]![0]!]),
  "patients.csv": csv([BASE["patients.csv"]![0]!, ["ZP1", "1990", "F", "", ""]]),
  "enrolments.csv": csv([
    BASE["enrolments.csv"]![0]!,
    ["ZE1", "ZP1", "IMR-LOM", "S3", "2024-01-10", "", "", "", "", "", ""],
  ]),
  "interventions.csv": csv([
    BASE["interventions.csv"]![0]!,
    ["ZI1", "ZP1", "S3", "2024-01-12", "assessment", "individual", "patient", "", "", "", "", ""],
  ]),
};

/** Fill a world's registry: the base extract in BPD-LOM, an IMR patient, and G1's members P1 and P3. */
export async function seedRegistry(w: World): Promise<void> {
  for (const files of [bpdExtract(), imrExtract]) {
    const r = await importFiles(w.database, files);
    expect(r.problems).toEqual([]);
  }
  await sql`
    insert into group_members (group_id, patient_id, joined_date, left_date)
    select g.id, p.id, '2024-02-01', case when p.code = 'P3' then '2024-05-01'::date end
    from groups g, patients p where g.code = 'G1' and p.code in ('P1', 'P3')`.execute(w.database.db);
}
