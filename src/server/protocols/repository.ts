import type { Executor } from "../infra/db/executor.ts";
import type { ProtocolContentT, ProtocolViewT, ToolViewT } from "./schemas.ts";

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** Protocols (`p`), each with its current version (`v`). */
export const protocolsAtCurrentVersion = (db: Executor) =>
  db
    .selectFrom("protocols as p")
    .innerJoin("protocol_versions as v", (j) =>
      j.onRef("v.protocol_id", "=", "p.id").onRef("v.version", "=", "p.current_version"),
    );

/** The protocol's current version (or `version`) with its region and tools; undefined when unknown. */
export async function loadProtocol(
  db: Executor,
  id: number,
  canEdit: boolean,
  version?: number,
): Promise<ProtocolViewT | undefined> {
  const row = await db
    .selectFrom("protocols as p")
    .innerJoin("regions as r", "r.id", "p.region_id")
    .innerJoin("protocol_versions as v", (j) =>
      version === undefined
        ? j.onRef("v.protocol_id", "=", "p.id").onRef("v.version", "=", "p.current_version")
        : j.onRef("v.protocol_id", "=", "p.id").on("v.version", "=", version),
    )
    .select([
      "p.id",
      "p.region_id",
      "r.name as region_name",
      "p.language",
      "v.version",
      "v.content",
      "v.created_at",
      "v.author",
    ])
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    regionId: row.region_id,
    regionName: row.region_name,
    language: row.language as "en" | "it",
    version: row.version,
    savedAt: iso(row.created_at),
    savedBy: row.author,
    content: row.content as ProtocolContentT,
    tools: await listTools(db, id),
    canEdit,
  };
}

/** The protocol's tools (not their bytes), by dimension then upload. */
export async function listTools(db: Executor, protocolId: number): Promise<ToolViewT[]> {
  const rows = await db
    .selectFrom("protocol_tools")
    .select(["id", "dimension_id", "file_name", "media_type", "size_bytes", "uploaded_by_name", "created_at"])
    .where("protocol_id", "=", protocolId)
    .orderBy("dimension_id")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    dimensionId: r.dimension_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    uploadedBy: r.uploaded_by_name,
    uploadedAt: iso(r.created_at),
  }));
}

/** Protocols of the given regions (all with "all"), current version's title and dimension count. */
export async function listProtocols(db: Executor, regions: "all" | number[]) {
  if (regions !== "all" && regions.length === 0) return [];
  let q = protocolsAtCurrentVersion(db)
    .innerJoin("regions as r", "r.id", "p.region_id")
    .select([
      "p.id",
      "p.region_id",
      "r.name as region_name",
      "p.language",
      "p.current_version",
      "v.created_at",
      "v.content",
    ]);
  if (regions !== "all") q = q.where("p.region_id", "in", regions);
  const rows = await q.orderBy("r.name").orderBy("p.id").execute();
  return rows.map((r) => {
    const content = r.content as ProtocolContentT;
    return {
      id: r.id,
      regionId: r.region_id,
      regionName: r.region_name,
      language: r.language as "en" | "it",
      title: content.title,
      dimensions: content.dimensions.length,
      version: r.current_version,
      savedAt: iso(r.created_at),
    };
  });
}
