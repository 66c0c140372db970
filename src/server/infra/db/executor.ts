import type { Transaction } from "kysely";
import type { Db } from "./database.ts";
import type { DB } from "./schema.ts";

/** Anything queries run on: the database, or a transaction of it. */
export type Executor = Db | Transaction<DB>;
