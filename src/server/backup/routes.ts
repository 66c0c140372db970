import fs from "node:fs";
import path from "node:path";
import type { AppContext, ZodApp } from "../context.ts";
import { requireAdmin } from "../core/access/guards.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { makeTempDir } from "../infra/files/temp-dir.ts";
import { takeBackup } from "./backup.ts";

/**
 * A backup taken by the running server (administrators): the way to back up the embedded
 * database while it serves, since only its server may open it (the CLI's `praxis backup` is
 * refused then). The same snapshot and file as `praxis backup`: written to a temporary file
 * first, so a failure answers an error rather than a cut-off download; audited ("backup").
 */
export function registerBackupRoutes(app: ZodApp, { database }: AppContext): void {
  app.get(
    "/api/backup",
    {
      schema: {
        tags: ["backup"],
        summary: "A consistent backup of the whole database (gzip'd JSON lines; praxis restore reads it)",
        produces: ["application/gzip"],
      },
    },
    async (req, reply) => {
      const p = requireAdmin(req);
      const dir = await makeTempDir("backup");
      const name = `praxis-${new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}.praxis-backup.gz`;
      const file = path.join(dir, name);
      try {
        await takeBackup(database.db, { file, source: database.kind, actor: actorOf(p) });
      } catch (err) {
        await fs.promises.rm(dir, { recursive: true, force: true });
        throw err;
      }
      const stream = fs.createReadStream(file);
      stream.once("close", () => void fs.promises.rm(dir, { recursive: true, force: true }));
      return reply
        .type("application/gzip")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(stream);
    },
  );
}
