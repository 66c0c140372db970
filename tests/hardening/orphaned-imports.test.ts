import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/infra/config.ts";
import { SERVER_INSTANCE } from "../../src/server/infra/db/instance.ts";
import { createWorld, type World } from "../support/world.ts";

/** Issue 14, defect 9: a web import killed mid-write stayed "writing" until someone read it. */
let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

const job = (id: string, status: string, owner: string | null) => ({
  id,
  user_id: null,
  actor: "admin",
  status,
  owner,
  options: "{}",
  files: "[]",
  progress: JSON.stringify({ file: null, rowsRead: 0, totalBytes: 0, bytesRead: 0 }),
  updated_at: new Date(),
});

async function startAnotherServer() {
  const config = loadConfig({ PRAXIS_WEB_DIR: "/nonexistent" } as NodeJS.ProcessEnv);
  const app = await buildApp({ database: w.database, config });
  await app.ready();
  await app.close();
}

const statusOf = async (id: string) =>
  await w.database.db
    .selectFrom("import_jobs")
    .select(["status", "report"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();

describe("import jobs of a dead server", () => {
  it("a server starting fails the jobs its dead owner left writing, with a reason", async () => {
    await w.database.db
      .insertInto("import_jobs")
      .values([job("dead-writing", "writing", "999999-deadbeef"), job("done-one", "done", "999999-deadbeef")])
      .execute();
    await startAnotherServer();
    const dead = await statusOf("dead-writing");
    expect(dead.status).toBe("rejected");
    expect(JSON.stringify(dead.report)).toMatch(/server running it stopped/);
    expect((await statusOf("done-one")).status).toBe("done");
  });

  it("leaves this process's own jobs alone", async () => {
    await w.database.db
      .insertInto("import_jobs")
      .values(job("mine", "writing", SERVER_INSTANCE))
      .execute();
    await startAnotherServer();
    expect((await statusOf("mine")).status).toBe("writing");
  });

  it.skipIf(process.env.PRAXIS_TEST_DB !== "postgres")(
    "on PostgreSQL leaves a job whose owner still has a connection",
    async () => {
      const alive = new pg.Client({
        connectionString: process.env.DATABASE_URL,
        application_name: "praxis listen 4242-a1b2c3d4",
      });
      await alive.connect();
      try {
        await w.database.db
          .insertInto("import_jobs")
          .values(job("alive", "writing", "4242-a1b2c3d4"))
          .execute();
        await startAnotherServer();
        expect((await statusOf("alive")).status).toBe("writing");
      } finally {
        await alive.end();
      }
      await startAnotherServer();
      expect((await statusOf("alive")).status).toBe("rejected");
    },
  );
});
