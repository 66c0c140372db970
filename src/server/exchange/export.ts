import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify";
import { sql } from "kysely";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Db } from "../infra/db/database.ts";
import { FILES } from "./files.ts";
import type { ExportScope, FileName } from "./spec.ts";

/** Rows fetched per round trip: memory holds one page, whatever the programme's size. */
const PAGE = 5000;

/**
 * What belongs to a programme: its enrolments and their patients, everything recorded for those
 * patients (interventions, assessments, plans — they belong to the patient, not the programme),
 * the programme's groups (and groups without a programme at its sites, and any group its
 * patients' interventions name), the sites' professionals, and every site a row names — so that
 * the files import into an empty database as they are.
 */
export function exportScope(programmeId: number): ExportScope {
  const patientIds = sql`select patient_id from enrolments where programme_id = ${programmeId}`;
  const programmeSiteIds = sql`
    select site_id from programme_sites where programme_id = ${programmeId}
    union select site_id from enrolments where programme_id = ${programmeId}`;
  const groupIds = sql`
    select id from groups
    where programme_id = ${programmeId} or (programme_id is null and site_id in (${programmeSiteIds}))
    union select group_id from interventions where group_id is not null and patient_id in (${patientIds})`;
  const siteIds = sql`
    ${programmeSiteIds}
    union select site_id from interventions where patient_id in (${patientIds})
    union select site_id from treatment_plans where patient_id in (${patientIds})
    union select site_id from groups where id in (${groupIds})`;
  return { programmeId, patientIds, programmeSiteIds, groupIds, siteIds };
}

/**
 * Write a programme's data in the exchange format: one CSV per file (all eight, a file with no
 * rows keeps its header), UTF-8 without BOM, LF line ends, quotes only where a value needs them,
 * rows sorted by code in byte order, an empty cell for no value — so that export → import changes
 * nothing. Rows are read through a cursor, one page at a time, in one repeatable-read
 * transaction (every file sees the same moment). The export is audited as a read.
 */
export async function exportProgramme(
  db: Db,
  programme: { id: number; code: string },
  open: (file: FileName) => Writable,
  actor: Actor,
): Promise<Partial<Record<FileName, number>>> {
  const scope = exportScope(programme.id);
  const counts: Partial<Record<FileName, number>> = {};
  await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      for (const rules of FILES) {
        const out = open(rules.file);
        const done = once(out, "finish");
        const csv = stringify({ header: true, columns: [...rules.columns] });
        csv.pipe(out);
        let rows = 0;
        await sql`declare praxis_export no scroll cursor for ${rules.exportQuery(scope)}`.execute(trx);
        for (;;) {
          const page = await sql<
            Record<string, string | null>
          >`fetch forward ${sql.raw(String(PAGE))} from praxis_export`.execute(trx);
          for (const row of page.rows) {
            if (!csv.write(row)) await once(csv, "drain");
          }
          rows += page.rows.length;
          if (page.rows.length < PAGE) break;
        }
        await sql`close praxis_export`.execute(trx);
        csv.end();
        await done;
        counts[rules.file] = rows;
      }
    });
  await audit(db, actor, {
    action: "export",
    entity: "programme",
    entityId: programme.id,
    programmeId: programme.id,
    detail: { programme: programme.code, counts },
  });
  return counts;
}

/** Export into a directory (created if needed), one file per table. */
export async function exportToDirectory(
  db: Db,
  programme: { id: number; code: string },
  dir: string,
  actor: Actor,
): Promise<Partial<Record<FileName, number>>> {
  fs.mkdirSync(dir, { recursive: true });
  return exportProgramme(db, programme, (file) => fs.createWriteStream(path.join(dir, file)), actor);
}
