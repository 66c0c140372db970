import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";

/**
 * A deterministic, valid extract of any size, written by streaming (memory stays flat whatever
 * the size): `sites` sites, `patients` patients each enrolled once in `programme`, and
 * `interventions` interventions spread over the patients. Used by the large-file tests and by
 * `bench/import.ts`.
 */
export interface ExtractSize {
  sites?: number;
  patients: number;
  interventions: number;
  programme?: string;
  /** Prefix of every code, so several extracts can share a database. */
  prefix?: string;
}

const TYPES = [
  "assessment",
  "psychoeducation",
  "skills_training",
  "psychotherapy",
  "psychiatric_visit",
  "nursing",
];
const PROFILES = ["psychiatrist", "psychologist", "nurse", "educator"];

export async function generateExtract(dir: string, size: ExtractSize): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const sites = size.sites ?? 18;
  const programme = size.programme ?? "BIG";
  const px = size.prefix ?? "";
  const site = (i: number) => `${px}S${String(i % sites).padStart(2, "0")}`;
  const patient = (i: number) => `${px}P${String(i).padStart(7, "0")}`;
  await writeLines(
    path.join(dir, "sites.csv"),
    "site_code,site_name,area_code,area_name",
    sites,
    (i) => `${site(i)},Site ${i},${px}A${i % 3},Area ${i % 3}`,
  );
  await writeLines(
    path.join(dir, "patients.csv"),
    "patient_code,birth_year,sex,residence_area,first_contact_date",
    size.patients,
    (i) => `${patient(i)},${1980 + (i % 25)},${i % 10 === 0 ? "M" : "F"},,2023-0${1 + (i % 9)}-1${i % 10}`,
  );
  await writeLines(
    path.join(dir, "enrolments.csv"),
    "enrolment_code,patient_code,programme_code,site_code,enrolment_date,end_date,end_reason,primary_diagnosis,secondary_diagnosis,case_manager_code,case_manager_profile",
    size.patients,
    (i) =>
      `${px}E${String(i).padStart(7, "0")},${patient(i)},${programme},${site(i)},2024-0${1 + (i % 9)}-0${1 + (i % 9)},,,F60.3,,CM${i % 50},nurse`,
  );
  await writeLines(
    path.join(dir, "interventions.csv"),
    "intervention_code,patient_code,site_code,date,type,setting,recipient,professional_code,professional_profile,duration_min,group_code,module",
    size.interventions,
    (i) => {
      const p = i % size.patients;
      return `${px}I${String(i).padStart(9, "0")},${patient(p)},${site(p)},2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")},${TYPES[i % TYPES.length]},individual,${i % 7 === 0 ? "patient_and_family" : "patient"},PR${i % 300},${PROFILES[i % PROFILES.length]},${15 + (i % 90)},,`;
    },
  );
}

async function writeLines(
  file: string,
  header: string,
  n: number,
  line: (i: number) => string,
): Promise<void> {
  const out = fs.createWriteStream(file);
  let buf = `${header}\n`;
  for (let i = 0; i < n; i++) {
    buf += `${line(i)}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}
