import type { Transaction } from "kysely";
import { staleVersion } from "../core/stale-version.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import type { DB } from "../infra/db/schema.ts";
import { issuesError } from "../infra/http/errors.ts";
import { duplicateIds, searchEntries, withItemIds } from "./content.ts";
import type { ProtocolContentInput, ProtocolContentT } from "./schemas.ts";

function refuseDuplicates(content: ProtocolContentInput): void {
  const dups = duplicateIds(content);
  if (dups.length)
    throw issuesError(
      dups.map((d) => ({
        field: d.field,
        rule: "duplicate",
        params: { value: d.id },
        message: `"${d.id}" is used twice`,
      })),
    );
}

/** Store version `version` of the protocol and make its text the searchable one (same transaction). */
async function storeVersion(
  trx: Transaction<DB>,
  actor: Actor,
  protocol: { id: number; language: "en" | "it" },
  version: number,
  content: ProtocolContentT,
): Promise<void> {
  await trx
    .insertInto("protocol_versions")
    .values({
      protocol_id: protocol.id,
      version,
      content: JSON.stringify(content),
      created_by: actor.id,
      author: actor.name,
    })
    .execute();
  await trx
    .updateTable("protocols")
    .set({ current_version: version })
    .where("id", "=", protocol.id)
    .execute();
  await trx.deleteFrom("protocol_search_entries").where("protocol_id", "=", protocol.id).execute();
  const entries = searchEntries(content);
  await trx
    .insertInto("protocol_search_entries")
    .values(
      entries.map((e) => ({
        protocol_id: protocol.id,
        language: protocol.language,
        kind: e.kind,
        dimension_id: e.dimensionId,
        title: e.title,
        body: e.body,
      })),
    )
    .execute();
}

/** A new protocol of a region, at version 1, in one audited transaction. */
export async function createProtocol(
  db: Db,
  actor: Actor,
  regionId: number,
  language: "en" | "it",
  input: ProtocolContentInput,
): Promise<number> {
  refuseDuplicates(input);
  const content = withItemIds(input);
  return auditedWrite(db, actor, { action: "create", entity: "protocol" }, async (trx) => {
    const { id } = await trx
      .insertInto("protocols")
      .values({ region_id: regionId, language })
      .returning("id")
      .executeTakeFirstOrThrow();
    await storeVersion(trx, actor, { id, language }, 1, content);
    return { result: id, entityId: id, before: null, after: { regionId, language, version: 1, ...content } };
  });
}

/**
 * Save a new version of a protocol: the row is locked so two saves queue up; a `baseVersion`
 * other than the current one answers 409 `stale_version` and stores nothing. Answers the new
 * version's number.
 */
export async function saveProtocol(
  db: Db,
  actor: Actor,
  protocolId: number,
  baseVersion: number,
  input: ProtocolContentInput,
): Promise<number> {
  refuseDuplicates(input);
  const content = withItemIds(input);
  return auditedWrite(db, actor, { action: "update", entity: "protocol" }, async (trx) => {
    const row = await trx
      .selectFrom("protocols")
      .select(["id", "language", "current_version"])
      .where("id", "=", protocolId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.current_version !== baseVersion) throw staleVersion("protocol", row.current_version, baseVersion);
    const before = await trx
      .selectFrom("protocol_versions")
      .select("content")
      .where("protocol_id", "=", protocolId)
      .where("version", "=", baseVersion)
      .executeTakeFirstOrThrow();
    const version = baseVersion + 1;
    await storeVersion(trx, actor, { id: row.id, language: row.language as "en" | "it" }, version, content);
    return {
      result: version,
      entityId: protocolId,
      before: { version: baseVersion, ...(before.content as object) },
      after: { version, ...content },
    };
  });
}
