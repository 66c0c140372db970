import { sql } from "kysely";
import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";

const Health = z.object({
  status: z.literal("ok"),
  database: z.object({ kind: z.enum(["pglite", "postgresql"]), location: z.string(), version: z.string() }),
});

export function registerHealthRoutes(app: ZodApp, { database }: AppContext): void {
  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: { tags: ["health"], summary: "Liveness and the database in use", response: { 200: Health } },
    },
    async () => {
      const row = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(
        database.db,
      );
      return {
        status: "ok" as const,
        database: {
          kind: database.kind,
          location: database.kind === "pglite" ? "embedded" : database.location,
          version: row.rows[0]?.v ?? "unknown",
        },
      };
    },
  );
}
