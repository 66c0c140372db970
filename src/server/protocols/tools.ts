import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import { invalid, notFound } from "../infra/http/errors.ts";
import { checkToolFile, cleanFileName, TOOL_EXTENSIONS } from "./file-type.ts";
import { listTools, protocolsAtCurrentVersion } from "./repository.ts";
import type { ProtocolContentT, ToolViewT } from "./schemas.ts";

/** The accepted extensions as the refusal lists them (jpg and jpeg are one type). */
const TOOL_LIST = TOOL_EXTENSIONS.filter((e) => e !== "jpg");

/**
 * Attach an uploaded file to a dimension of the protocol's current version, in one audited
 * transaction. The dimension must exist (404); the file must be of an accepted type by extension
 * and by content and not larger than the limit (400 naming `body.file` and the rule).
 */
export async function uploadTool(
  db: Db,
  actor: Actor,
  protocolId: number,
  dimensionId: string,
  file: { name: string; bytes: Buffer },
  maxBytes: number,
): Promise<ToolViewT> {
  const fileName = cleanFileName(file.name);
  const check = checkToolFile(fileName, file.bytes, maxBytes);
  if (!check.ok) {
    const error = invalid("body.file", check.rule, check.message);
    if (check.rule === "file_too_large") error.issues[0]!.params = { max: maxBytes / 1024 / 1024 };
    if (check.rule === "file_type") error.issues[0]!.params = { values: [...TOOL_LIST] };
    throw error;
  }
  return auditedWrite(db, actor, { action: "create", entity: "protocol_tool" }, async (trx) => {
    const current = await protocolsAtCurrentVersion(trx)
      .select("v.content")
      .where("p.id", "=", protocolId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!(current.content as ProtocolContentT).dimensions.some((d) => d.id === dimensionId))
      throw notFound("dimension");
    const { id } = await trx
      .insertInto("protocol_tools")
      .values({
        protocol_id: protocolId,
        dimension_id: dimensionId,
        file_name: fileName,
        media_type: check.mediaType,
        size_bytes: file.bytes.length,
        bytes: file.bytes,
        uploaded_by: actor.id,
        uploaded_by_name: actor.name,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const tool = (await listTools(trx, protocolId)).find((t) => t.id === id)!;
    return { result: tool, entityId: id, before: null, after: { protocolId, ...tool } };
  });
}

/** A tool's protocol (for the access check); undefined when unknown. */
export async function toolProtocol(db: Executor, toolId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("protocol_tools")
    .select("protocol_id")
    .where("id", "=", toolId)
    .executeTakeFirst();
  return row?.protocol_id;
}

/** A tool's bytes and how to send them. */
export async function readToolFile(db: Executor, toolId: number) {
  const row = await db
    .selectFrom("protocol_tools")
    .select(["file_name", "media_type", "bytes"])
    .where("id", "=", toolId)
    .executeTakeFirst();
  if (!row) throw notFound("tool");
  return { fileName: row.file_name, mediaType: row.media_type, bytes: Buffer.from(row.bytes) };
}

/** Remove a tool, audited (its name and size are kept in the audit entry). */
export async function deleteTool(db: Db, actor: Actor, protocolId: number, toolId: number): Promise<void> {
  await auditedWrite(db, actor, { action: "delete", entity: "protocol_tool" }, async (trx) => {
    const before = (await listTools(trx, protocolId)).find((t) => t.id === toolId);
    if (!before) throw notFound("tool");
    await trx.deleteFrom("protocol_tools").where("id", "=", toolId).execute();
    return { result: undefined, entityId: toolId, before: { protocolId, ...before }, after: null };
  });
}

/** `Content-Disposition` for a download: an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
