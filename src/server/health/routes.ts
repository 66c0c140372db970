import { sql } from "kysely";
import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";

const Health = z.object({
  status: z.literal("ok"),
  database: z.object({ kind: z.enum(["pglite", "postgresql"]), location: z.string(), version: z.string() }),
});
const Unhealthy = z.object({ status: z.literal("unavailable"), database: z.literal("unreachable") });
/** A 503 the server gives before the route runs: too many requests in progress (in-flight limit). */
const Refused = z.object({ error: z.string(), message: z.string() });

/**
 * How long the health query may take. A database that is down answers at once (connection
 * refused); one that is frozen (stopped process, network partition) never does, and a load
 * balancer's probe must still get an answer well within its own timeout.
 */
export const HEALTH_TIMEOUT_MS = 1500;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  // a late failure of the abandoned query must not become an unhandled rejection
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function registerHealthRoutes(app: ZodApp, { database }: AppContext): void {
  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: {
        tags: ["health"],
        summary: "Liveness and the database in use; 503 when the database does not answer within 1.5 s",
        response: { 200: Health, 503: z.union([Unhealthy, Refused]) },
      },
    },
    async (req, reply) => {
      let version: string;
      try {
        const row = await within(
          sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db),
          HEALTH_TIMEOUT_MS,
        );
        version = row.rows[0]?.v ?? "unknown";
      } catch (err) {
        req.log.warn({ err }, "health: database unreachable");
        return reply.status(503).send({ status: "unavailable" as const, database: "unreachable" as const });
      }
      return {
        status: "ok" as const,
        database: {
          kind: database.kind,
          location: database.kind === "pglite" ? "embedded" : database.location,
          version,
        },
      };
    },
  );
}
