import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listImportFiles, runImport } from "../../src/server/exchange/import.ts";
import { openWriteSession } from "../../src/server/exchange/write-session.ts";
import { verifyStoredFacts } from "../../src/server/indicators/facts/verify-stored.ts";
import { InterventionCapture, rebuildFactsAfterLoad } from "../../src/server/indicators/public.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import type { Database } from "../../src/server/infra/db/database.ts";
import { BASE_TAXONOMY } from "../../src/shared/vocabulary.ts";
import { openTestDatabase } from "../support/test-db.ts";
import { tempDir } from "./support.ts";

/**
 * A first load of a large interventions file on PostgreSQL leaves the facts to a rebuild at the
 * end, whose pass over the loaded rows is summed in Node while the server rebuilds the table's
 * keys and indexes (indicators/facts/import-rebuild.ts). The facts it stores must be exactly what
 * the rebuild from the registry gives, on an extract made to reach every condition of the pass:
 * two programmes, patients in both with overlapping periods, ended enrolments with care after
 * their end, care before enrolment, the days around the early window's end, months across years,
 * family recipients, psychosocial and other types, patients never enrolled. PGlite stages every
 * file (no direct load), so the file runs on PostgreSQL only.
 */
const onPostgres = process.env.PRAXIS_TEST_DB === "postgres";

let database: Database;
beforeEach(async () => {
  database = await openTestDatabase();
});
afterEach(async () => {
  await database?.close();
});

const TYPES = BASE_TAXONOMY.map((t) => t.code);
const RECIPIENTS = ["patient", "family", "patient_and_family", "patient"];
const PATIENTS = 420;
/** Patients from this number on are never enrolled. */
const ENROLLED = 400;

const iso = (day: number) => new Date(Date.UTC(2023, 9, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** Enrolment i's start and end (days from 2023-10-01; end null while open). */
function period(i: number, second: boolean): { start: number; end: number | null } {
  const start = ((i * 37) % 450) + (second ? 30 : 0);
  const end = i % 3 === 0 ? start + 40 + ((i * 13) % 400) : null;
  return { start, end };
}

function writeExtract(dir: string) {
  const lines = (file: string, header: string, rows: string[]) =>
    fs.writeFileSync(path.join(dir, file), `${[header, ...rows].join("\n")}\n`);
  lines(
    "sites.csv",
    "site_code,site_name,area_code,area_name",
    [0, 1, 2, 3].map((s) => `S${s},Site ${s},A${s % 2},Area ${s % 2}`),
  );
  const patient = (i: number) => `P${String(i).padStart(4, "0")}`;
  lines(
    "patients.csv",
    "patient_code,birth_year,sex,residence_area,first_contact_date",
    Array.from(
      { length: PATIENTS },
      (_, i) => `${patient(i)},${1970 + (i % 30)},${i % 2 ? "F" : "M"},,2023-01-0${1 + (i % 9)}`,
    ),
  );
  const enrolments: string[] = [];
  for (let i = 0; i < ENROLLED; i++) {
    for (const second of i % 5 === 0 ? [false, true] : [false]) {
      const { start, end } = period(i, second);
      enrolments.push(
        `E${second ? "B" : "A"}${i},${patient(i)},${second ? "PB" : "PA"},S${(i + (second ? 1 : 0)) % 4},${iso(start)},${end === null ? "" : iso(end)},${end === null ? "" : "completed"},F60.3,,,`,
      );
    }
  }
  lines(
    "enrolments.csv",
    "enrolment_code,patient_code,programme_code,site_code,enrolment_date,end_date,end_reason,primary_diagnosis,secondary_diagnosis,case_manager_code,case_manager_profile",
    enrolments,
  );
  const care: string[] = [];
  const add = (p: number, day: number) => {
    const n = care.length;
    care.push(
      `I${String(n).padStart(6, "0")},${patient(p)},S${p % 4},${iso(day)},${TYPES[(n * 7) % TYPES.length]},individual,${RECIPIENTS[n % RECIPIENTS.length]},,,${20 + (n % 40)},,`,
    );
  };
  // the days at the edges of each period and of its early window (60 days by default)
  for (let i = 0; i < ENROLLED; i += 7) {
    const { start, end } = period(i, false);
    for (const d of [start - 1, start, start + 58, start + 59, start + 60, start + 61]) add(i, d);
    if (end !== null) for (const d of [end, end + 1]) add(i, d);
  }
  // and care spread over 30 months (before, during and after the periods), until past 1 MB
  for (let n = 0; care.length < 16_000; n++) add(n % PATIENTS, -20 + ((n * 7919) % 900));
  lines(
    "interventions.csv",
    "intervention_code,patient_code,site_code,date,type,setting,recipient,professional_code,professional_profile,duration_min,group_code,module",
    care,
  );
}

async function importExtract(dir: string) {
  const steps: string[] = [];
  const result = await runImport(database, {
    files: listImportFiles(dir),
    source: dir,
    options: { createProgrammes: true, ignoreUnknownColumns: false },
    actor: SYSTEM,
    databaseUrl: process.env.DATABASE_URL,
    onStep: (step) => steps.push(step),
  });
  return { result, steps };
}

/** How each programme's stored facts differ from a rebuild from the registry (none, when right). */
async function differences() {
  const { rows } = await sql<{
    id: number;
    code: string;
  }>`select id, code from programmes order by id`.execute(database.db);
  const out: Record<string, unknown> = {};
  for (const r of rows) out[r.code] = await verifyStoredFacts(database.db, r.id);
  return out;
}

describe.runIf(onPostgres)("exchange import: the facts' pass summed in Node", () => {
  it("stores the facts a rebuild from the registry gives", { timeout: 120_000 }, async () => {
    const dir = tempDir("praxis-facts-pass-");
    writeExtract(dir);
    expect(fs.statSync(path.join(dir, "interventions.csv")).size).toBeGreaterThan(1 << 20);
    const { result, steps } = await importExtract(dir);
    expect(result.status).toBe("done");
    expect(steps).toContain("indicator facts (from the import's sums)");
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from indicator_enrolment_facts`.execute(database.db);
    expect(rows[0]!.n).toBe(ENROLLED + ENROLLED / 5);
    expect(await differences()).toEqual({ PA: [], PB: [] });
  });

  it("rebuilds from the registry when the table holds rows the load did not capture", {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir("praxis-facts-pass-");
    writeExtract(dir);
    expect((await importExtract(dir)).result.status).toBe("done");
    // a capture that misses the table's rows: the sums would be wrong, so they are not used
    const session = await openWriteSession(database, process.env.DATABASE_URL);
    try {
      if (session.kind !== "copy") throw new Error("expected a COPY session on PostgreSQL");
      const capture = new InterventionCapture();
      capture.add(1, "2024-01-01", "nursing", "patient");
      const outcome = await session.transaction(async (trx, _stage, copy) => {
        await sql`delete from indicator_enrolment_facts`.execute(trx);
        return rebuildFactsAfterLoad(trx, capture, copy, async () => {});
      });
      expect(outcome.source).toBe("the registry");
    } finally {
      await session.close();
    }
    expect(await differences()).toEqual({ PA: [], PB: [] });
  });
});

describe.skipIf(onPostgres)("exchange import: the facts' pass summed in Node, on PGlite", () => {
  it("is not used: every file is staged and the facts follow the merges", { timeout: 120_000 }, async () => {
    const dir = tempDir("praxis-facts-pass-");
    writeExtract(dir);
    const { result, steps } = await importExtract(dir);
    expect(result.status).toBe("done");
    expect(steps).toContain("indicator facts");
    expect(steps.some((s) => s.startsWith("facts pass"))).toBe(false);
    expect(await differences()).toEqual({ PA: [], PB: [] });
  });
});
