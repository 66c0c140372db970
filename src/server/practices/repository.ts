import type { Transaction } from "kysely";
import type { z } from "zod";
import type { Executor } from "../infra/db/executor.ts";
import type { DB } from "../infra/db/schema.ts";
import type { Practice, PracticeDefinition, PracticeSummary, PracticeVersion } from "./schemas.ts";

type Definition = z.infer<typeof PracticeDefinition>;

/** A practice joined with its current version: what the list and the detail are built from. */
interface CurrentRow {
  id: number;
  code: string;
  name: string;
  current_version: number;
  created_at: Date;
}

/** Row → API mappers: the only place that knows both shapes. */
export const practiceRowToSummary = (r: CurrentRow): z.infer<typeof PracticeSummary> => ({
  id: r.id,
  code: r.code,
  name: r.name,
  version: r.current_version,
  updatedAt: new Date(r.created_at).toISOString(),
});
export const practiceRowToPractice = (r: CurrentRow & { definition: object }): z.infer<typeof Practice> => ({
  ...practiceRowToSummary(r),
  definition: r.definition as Definition,
});

const currentVersions = (db: Executor) =>
  db
    .selectFrom("practices as p")
    .innerJoin("practice_versions as v", (j) =>
      j.onRef("v.practice_id", "=", "p.id").onRef("v.version", "=", "p.current_version"),
    )
    .select(["p.id", "p.code", "p.name", "p.current_version", "v.created_at"]);

/** Every practice with its current version number and when that version was saved. */
export async function listPractices(db: Executor) {
  return (await currentVersions(db).orderBy("p.code").execute()).map(practiceRowToSummary);
}

/** One practice at its current version, with the definition; undefined when unknown. */
export async function findPractice(db: Executor, id: number) {
  const row = await currentVersions(db).select("v.definition").where("p.id", "=", id).executeTakeFirst();
  return row ? practiceRowToPractice(row) : undefined;
}

/** Every saved version of a practice, newest first, with the author's username. */
export async function listPracticeVersions(db: Executor, id: number): Promise<Array<PracticeVersion>> {
  const rows = await db
    .selectFrom("practice_versions as v")
    .leftJoin("users as u", "u.id", "v.created_by")
    .select(["v.version", "v.created_at", "v.definition", "u.username"])
    .where("v.practice_id", "=", id)
    .orderBy("v.version", "desc")
    .execute();
  return rows.map((r) => ({
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.username,
    definition: r.definition as Definition,
  }));
}

/** The practice row, locked until the transaction ends, so two saves of one practice queue up. */
export const lockPractice = (trx: Transaction<DB>, id: number) =>
  trx.selectFrom("practices").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
