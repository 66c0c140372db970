import type { Selectable, Transaction } from "kysely";
import type { z } from "zod";
import { forbiddenIssues, patientProblems, siteProblems } from "../core/access/patients.ts";
import { careDateIssues } from "../core/care-dates.ts";
import { CODE_PREFIX, generateCode } from "../core/codes.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { DB, InterventionTable } from "../infra/db/schema.ts";
import type { FieldIssue } from "../infra/http/errors.ts";
import { issuesError } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { catalogueIssues, interventionRowToIntervention, loadCatalogue } from "./repository.ts";
import type { Intervention, InterventionBody } from "./schemas.ts";

type Row = z.infer<typeof InterventionBody>;
type InterventionOut = z.infer<typeof Intervention>;

/**
 * Record interventions — one from the fast form, or a whole day from the batch form — all or
 * nothing, in one transaction with one audit entry each. Every problem of every row is reported,
 * each at its field (`body.rows.3.date` for a batch, `body.date` for one). Set-based: the
 * checks and the insert take a fixed number of queries whatever the number of rows.
 */
export async function recordInterventions(
  db: Db,
  p: Principal,
  actor: Actor,
  rows: Row[],
  fieldPrefix: (index: number) => string,
): Promise<InterventionOut[]> {
  return db.transaction().execute(async (trx) => {
    const sites = await siteProblems(
      trx,
      p,
      rows.map((r, i) => ({ siteId: r.siteId, field: `${fieldPrefix(i)}siteId` })),
    );
    const { patients, missing, hidden } = await patientProblems(
      trx,
      p,
      rows.map((r, i) => ({ patientId: r.patientId, field: `${fieldPrefix(i)}patientId` })),
    );
    // Access first (nothing about other sites' patients is told), then every field problem at once.
    if (sites.refused.length || hidden.length) throw forbiddenIssues([...sites.refused, ...hidden]);
    const catalogue = await loadCatalogue(trx);
    const now = today();
    const issues: FieldIssue[] = [
      ...sites.missing,
      ...missing,
      ...rows.flatMap((r, i) => {
        const patient = patients.get(r.patientId);
        return [
          ...(patient ? careDateIssues(`${fieldPrefix(i)}date`, r.date, patient.birth_year, now) : []),
          ...catalogueIssues(catalogue, fieldPrefix(i), r),
        ];
      }),
    ];
    if (issues.length) throw issuesError(sortIssues(issues));
    return insertInterventions(
      trx,
      actor,
      rows.map((r) => ({
        patient_id: r.patientId,
        site_id: r.siteId,
        date: r.date,
        type: r.type,
        setting: r.setting,
        recipient: r.recipient,
        professional_code: r.professionalCode ?? null,
        professional_profile: r.professionalProfile ?? null,
        duration_min: r.durationMin ?? null,
        module: r.module ?? null,
        group_id: null,
        group_session_id: null,
      })),
    );
  });
}

/** Issues in row order (`body.rows.2.…` before `body.rows.10.…`), then by field. */
function sortIssues(issues: FieldIssue[]): FieldIssue[] {
  const rowOf = (f: string) => Number(/\.rows\.(\d+)\./.exec(f)?.[1] ?? -1);
  return [...issues].sort((a, b) => rowOf(a.field) - rowOf(b.field) || a.field.localeCompare(b.field));
}

export type NewIntervention = Omit<Selectable<InterventionTable>, "id" | "code" | "created_by">;

/** Insert already-checked interventions with generated codes, and audit each; inside `trx`. */
export async function insertInterventions(
  trx: Transaction<DB>,
  actor: Actor,
  values: NewIntervention[],
): Promise<InterventionOut[]> {
  if (values.length === 0) return [];
  const inserted = await trx
    .insertInto("interventions")
    .values(
      values.map((v) => ({
        ...v,
        code: generateCode(CODE_PREFIX.intervention, 10),
        created_by: actor.id,
      })),
    )
    .returningAll()
    .execute();
  const out = inserted
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((r) => ({ site: r.site_id, item: interventionRowToIntervention(r) }));
  await audit(
    trx,
    actor,
    out.map(({ site, item }) => ({
      action: "create",
      entity: "intervention",
      entityId: item.id,
      siteId: site,
      detail: { before: null, after: item },
    })),
  );
  return out.map((o) => o.item);
}
