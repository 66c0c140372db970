import type { Transaction } from "kysely";
import type { Executor } from "../../infra/db/executor.ts";
import type { DB } from "../../infra/db/schema.ts";
import { type Owner, ownerIs } from "./owner.ts";

/** One stored version of an artefact, as the API shows it. */
export interface StoredVersion {
  artefactId: number;
  version: number;
  content: unknown;
  savedAt: string;
  savedBy: string;
}

export interface VersionSummary {
  version: number;
  savedAt: string;
  savedBy: string;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** Planning artefacts (`a`), each with its current version (`v`). */
export const artefactsAtCurrentVersion = (db: Executor) =>
  db
    .selectFrom("planning_artefacts as a")
    .innerJoin("planning_versions as v", (j) =>
      j.onRef("v.artefact_id", "=", "a.id").onRef("v.version", "=", "a.current_version"),
    );

/** The current version of the owner's artefact; undefined when it was never saved. */
export async function loadCurrent(db: Executor, owner: Owner): Promise<StoredVersion | undefined> {
  const row = await db
    .selectFrom("planning_artefacts")
    .innerJoin("planning_versions as v", (j) =>
      j
        .onRef("v.artefact_id", "=", "planning_artefacts.id")
        .onRef("v.version", "=", "planning_artefacts.current_version"),
    )
    .select(["planning_artefacts.id", "v.version", "v.content", "v.created_at", "v.author"])
    .where(ownerIs(owner))
    .executeTakeFirst();
  return row && toStored(row);
}

/** One given version; undefined when the artefact or the version does not exist. */
export async function loadVersion(
  db: Executor,
  owner: Owner,
  version: number,
): Promise<StoredVersion | undefined> {
  const row = await db
    .selectFrom("planning_artefacts")
    .innerJoin("planning_versions as v", "v.artefact_id", "planning_artefacts.id")
    .select(["planning_artefacts.id", "v.version", "v.content", "v.created_at", "v.author"])
    .where(ownerIs(owner))
    .where("v.version", "=", version)
    .executeTakeFirst();
  return row && toStored(row);
}

/** Every version of the owner's artefact, newest first (empty when never saved). */
export async function listVersions(db: Executor, owner: Owner): Promise<VersionSummary[]> {
  const rows = await db
    .selectFrom("planning_artefacts")
    .innerJoin("planning_versions as v", "v.artefact_id", "planning_artefacts.id")
    .select(["v.version", "v.created_at", "v.author"])
    .where(ownerIs(owner))
    .orderBy("v.version", "desc")
    .execute();
  return rows.map((r) => ({ version: r.version, savedAt: iso(r.created_at), savedBy: r.author }));
}

/**
 * The owner's artefact row, created empty (version 0) if needed and locked until the transaction
 * ends, so two saves of one artefact queue up and the second sees the first's version.
 */
export async function lockArtefact(
  trx: Transaction<DB>,
  owner: Owner,
): Promise<{ id: number; version: number }> {
  await trx
    .insertInto("planning_artefacts")
    .values({
      programme_id: owner.programmeId,
      kind: owner.kind,
      site_id: owner.siteId,
      questionnaire_id: owner.questionnaireId ?? null,
      round_id: owner.roundId ?? null,
      updated_at: new Date(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await trx
    .selectFrom("planning_artefacts")
    .select(["id", "current_version"])
    .where(ownerIs(owner))
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { id: row.id, version: row.current_version };
}

/**
 * Append version `version` to a locked artefact and make it current. `fromRegionVersion` is set
 * when the content is a copy of that version of the region's artefact (a site starting from it).
 */
export async function appendVersion(
  trx: Transaction<DB>,
  artefactId: number,
  version: number,
  content: unknown,
  author: { id: number | null; name: string },
  fromRegionVersion: number | null = null,
): Promise<StoredVersion> {
  const now = new Date();
  await trx
    .insertInto("planning_versions")
    .values({
      artefact_id: artefactId,
      version,
      content: JSON.stringify(content),
      created_at: now,
      created_by: author.id,
      author: author.name,
      from_region_version: fromRegionVersion,
    })
    .execute();
  await trx
    .updateTable("planning_artefacts")
    .set({ current_version: version, updated_at: now })
    .where("id", "=", artefactId)
    .execute();
  return { artefactId, version, content, savedAt: now.toISOString(), savedBy: author.name };
}

function toStored(row: {
  id: number;
  version: number;
  content: unknown;
  created_at: Date | string;
  author: string;
}): StoredVersion {
  return {
    artefactId: row.id,
    version: row.version,
    content: row.content,
    savedAt: iso(row.created_at),
    savedBy: row.author,
  };
}
