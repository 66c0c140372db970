import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { loadConfig } from "../../src/server/infra/config.ts";
import { createUser } from "../../src/server/users/create-user.ts";
import { createWorld, PASSWORD, type World } from "../support/world.ts";

/** Issue 14, defect 1: failures were counted before the new one was recorded. */
let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

async function failedChecks(name: string): Promise<number> {
  const rows = await w.database.db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("action", "=", "login_failed")
    .where("actor", "=", name)
    .executeTakeFirstOrThrow();
  return Number(rows.n);
}

describe("login throttling under concurrency", () => {
  it("checks at most 5 passwords for 50 concurrent wrong logins of one user", async () => {
    await createUser(w.database.db, SYSTEM, { username: "racer1", password: PASSWORD, grants: [] });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        w.app.inject({
          method: "POST",
          url: "/api/session",
          payload: { username: "racer1", password: `wrong-password-${i}` },
          headers: { "x-forwarded-for": `10.9.${i}.1` },
        }),
      ),
    );
    const checked = answers.filter((a) => a.statusCode !== 429);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.every((a) => a.statusCode === 401)).toBe(true);
    expect(await failedChecks("racer1")).toBeLessThanOrEqual(5);
  });

  it("holds across two servers on one database", async () => {
    await createUser(w.database.db, SYSTEM, { username: "racer2", password: PASSWORD, grants: [] });
    const config = loadConfig({ PRAXIS_WEB_DIR: "/nonexistent" } as NodeJS.ProcessEnv);
    const second = await buildApp({ database: w.database, config });
    await second.ready();
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 ? second : w.app).inject({
            method: "POST",
            url: "/api/session",
            payload: { username: "racer2", password: `wrong-password-${i}` },
          }),
        ),
      );
      expect(answers.filter((a) => a.statusCode !== 429).length).toBeLessThanOrEqual(5);
      expect(await failedChecks("racer2")).toBeLessThanOrEqual(5);
    } finally {
      await second.close();
    }
  });

  it("a right password after failures still logs in and forgives its own attempt", async () => {
    await createUser(w.database.db, SYSTEM, { username: "racer3", password: PASSWORD, grants: [] });
    for (let i = 0; i < 4; i++) {
      const res = await w.app.inject({
        method: "POST",
        url: "/api/session",
        payload: { username: "racer3", password: "wrong-password" },
      });
      expect(res.statusCode).toBe(401);
    }
    const ok = await w.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "racer3", password: PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    const left = await w.database.db
      .selectFrom("login_failures")
      .select("key")
      .where("key", "=", "user:racer3")
      .execute();
    expect(left).toEqual([]);
  });
});
