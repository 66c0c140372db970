import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { sql } from "kysely";
import { computeProgrammeIndicators } from "../indicators/public.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Db } from "../infra/db/database.ts";
import { interventionTypeCodeSystem } from "./code-systems.ts";
import { measure, measureReport } from "./measures.ts";
import { type FhirScope, RESOURCE_FILES } from "./queries.ts";
import type { Resource } from "./resources.ts";

/** Rows fetched per round trip: memory holds one page, whatever the region's size. */
const PAGE = 2000;

/** The NDJSON files of a FHIR export, in the order they are written (references point backwards). */
export const FHIR_FILES = [
  "CodeSystem.ndjson",
  ...RESOURCE_FILES.map((f) => `${f.type}.ndjson`),
  "Measure.ndjson",
  "MeasureReport.ndjson",
] as const;

export type FhirCounts = Record<string, number>;

/** Write resources as NDJSON (one JSON object a line) to a stream, honouring backpressure. */
async function writeLines(out: Writable, resources: Resource[]): Promise<void> {
  let chunk = "";
  for (const r of resources) chunk += `${JSON.stringify(r)}\n`;
  if (chunk && !out.write(chunk)) await once(out, "drain");
}

async function finish(out: Writable): Promise<void> {
  const done = once(out, "finish");
  out.end();
  await done;
}

/**
 * A programme's data for a period as FHIR R4 resources, bulk-data style: one NDJSON file per
 * resource type (FHIR_FILES; docs/fhir.md). Registry rows are read through a cursor, a page at a
 * time, in one repeatable-read transaction (every file sees the same moment), so memory holds a
 * page, not the programme. The indicators are computed as of the period's last day and written as
 * Measure and MeasureReport. The export is audited as a read of patient-level data.
 */
export async function exportFhir(
  db: Db,
  programme: { id: number; code: string },
  period: { from: string; to: string },
  open: (file: string) => Writable,
  actor: Actor,
  options: { pageSize?: number } = {},
): Promise<FhirCounts> {
  const pageSize = options.pageSize ?? PAGE;
  const scope: FhirScope = { programmeId: programme.id, ...period };
  const counts: FhirCounts = {};
  await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const types = await sql<{ code: string; label: string }>`
        select distinct on (t->>'code') t->>'code' as code, coalesce(t->>'label', t->>'code') as label
        from practice_versions v,
          jsonb_array_elements(coalesce(v.definition->'interventionTypes', '[]'::jsonb)) t
        where t->>'code' is not null
        order by t->>'code', v.created_at desc`.execute(trx);
      const codeSystems = open("CodeSystem.ndjson");
      await writeLines(codeSystems, [interventionTypeCodeSystem(types.rows)]);
      await finish(codeSystems);
      counts.CodeSystem = 1;
      for (const file of RESOURCE_FILES) {
        const out = open(`${file.type}.ndjson`);
        let n = 0;
        await sql`declare praxis_fhir no scroll cursor for ${file.query(scope)}`.execute(trx);
        for (;;) {
          const page = await sql<
            Record<string, unknown>
          >`fetch forward ${sql.raw(String(pageSize))} from praxis_fhir`.execute(trx);
          const resources = page.rows.flatMap((row) => file.resources(row, period));
          await writeLines(out, resources);
          n += resources.length;
          if (page.rows.length < pageSize) break;
        }
        await sql`close praxis_fhir`.execute(trx);
        await finish(out);
        counts[file.type] = n;
      }
    });
  const indicators = await computeProgrammeIndicators(db, programme.id, period.to);
  const defs = indicators?.defs ?? [];
  const measures = open("Measure.ndjson");
  await writeLines(measures, defs.map(measure));
  await finish(measures);
  const reports = open("MeasureReport.ndjson");
  await writeLines(
    reports,
    defs.map((d) =>
      measureReport(
        d,
        indicators!.records.filter((r) => r.id === d.id),
        period,
      ),
    ),
  );
  await finish(reports);
  counts.Measure = defs.length;
  counts.MeasureReport = defs.length;
  await audit(db, actor, {
    action: "export",
    entity: "programme",
    entityId: programme.id,
    programmeId: programme.id,
    detail: { programme: programme.code, format: "fhir", from: period.from, to: period.to, counts },
  });
  return counts;
}

/** Export into a directory (created if needed), one NDJSON file per resource type. */
export async function exportFhirToDirectory(
  db: Db,
  programme: { id: number; code: string },
  period: { from: string; to: string },
  dir: string,
  actor: Actor,
): Promise<FhirCounts> {
  fs.mkdirSync(dir, { recursive: true });
  return exportFhir(db, programme, period, (file) => fs.createWriteStream(path.join(dir, file)), actor);
}
