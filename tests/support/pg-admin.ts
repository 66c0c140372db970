import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Statements the PostgreSQL tests run beside the app: creating and dropping the schemas and
 * databases they work in, each on a connection of its own to DATABASE_URL's server.
 */

/** Run one statement on a connection of its own, closed afterwards. */
export async function adminStatement(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** A new, empty schema `<prefix><hex>` in the database of `url`; `drop()` removes it and all it holds. */
export async function scratchSchema(
  url: string,
  prefix: string,
): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `${prefix}${randomBytes(6).toString("hex")}`;
  await adminStatement(url, `create schema ${schema}`);
  return { schema, drop: () => adminStatement(url, `drop schema ${schema} cascade`) };
}
