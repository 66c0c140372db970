import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "./infra/config.ts";
import type { ChangeFeed } from "./infra/db/change-feed.ts";
import type { Database } from "./infra/db/database.ts";

/** What every capability's routes receive: the database and the configuration. */
export interface AppContext {
  database: Database;
  config: Config;
  /** The database's change notifications, for per-process caches (buildApp opens it). */
  changes?: ChangeFeed;
}

/** The Fastify instance with zod schemas as its type provider. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
