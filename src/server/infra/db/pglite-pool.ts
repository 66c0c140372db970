import type { PGlite } from "@electric-sql/pglite";
import type { PostgresQueryResult } from "kysely";

/**
 * A pool of exactly one connection over PGlite, shaped like the `pg` Pool that Kysely's
 * PostgresDialect expects. PGlite is a single connection, so `connect()` waits until the
 * previous holder releases it: a transaction never interleaves with another query.
 */
export class PGlitePool {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly db: PGlite) {}

  async connect(): Promise<PGliteClient> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    return new PGliteClient(this.db, release);
  }

  async end(): Promise<void> {
    await this.queue;
    if (!this.db.closed) await this.db.close();
  }
}

class PGliteClient {
  private released = false;

  constructor(
    private readonly db: PGlite,
    private readonly onRelease: () => void,
  ) {}

  async query(sql: string, parameters?: readonly unknown[]) {
    const result = await this.db.query(sql, parameters as unknown[] | undefined);
    const command = (sql.trimStart().split(/\s+/, 1)[0]?.toUpperCase() ??
      "SELECT") as PostgresQueryResult<unknown>["command"];
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length, command };
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.onRelease();
  }
}
