import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { LOGIN_LIMITS } from "../../src/server/infra/auth/rate-limit.ts";
import { loadConfig } from "../../src/server/infra/config.ts";
import { createWorld, type World } from "../support/world.ts";

/** Issue 14, defect 2: X-Forwarded-For was believed from anyone (trustProxy: true). */
let w: World;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await w?.close();
});

async function appWith(env: Record<string, string>) {
  const config = loadConfig({ PRAXIS_WEB_DIR: "/nonexistent", ...env } as NodeJS.ProcessEnv);
  const app = await buildApp({ database: w.database, config });
  await app.ready();
  apps.push(app);
  return app;
}

const wrongLogin = (app: FastifyInstance, i: number, ip: string, remoteAddress = "127.0.0.1") =>
  app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username: `nobody${i}`, password: "wrong-password" },
    headers: { "x-forwarded-for": ip },
    remoteAddress,
  });

describe("trusted proxies", () => {
  it("parses PRAXIS_TRUSTED_PROXIES and trusts none by default", () => {
    expect(loadConfig({} as NodeJS.ProcessEnv).trustedProxies).toEqual([]);
    expect(
      loadConfig({ PRAXIS_TRUSTED_PROXIES: " 10.0.0.5, 192.168.1.0/24 ,," } as NodeJS.ProcessEnv)
        .trustedProxies,
    ).toEqual(["10.0.0.5", "192.168.1.0/24"]);
  });

  it("by default a forged X-Forwarded-For does not escape the per-address limit", async () => {
    const app = await appWith({});
    const remote = "10.77.0.1";
    for (let i = 0; i < LOGIN_LIMITS.ip; i++) {
      expect((await wrongLogin(app, i, `172.16.${i}.9`, remote)).statusCode).toBe(401);
    }
    expect((await wrongLogin(app, 999, "172.17.0.1", remote)).statusCode).toBe(429);
  });

  it("believes X-Forwarded-For from a listed proxy only", async () => {
    const app = await appWith({ PRAXIS_TRUSTED_PROXIES: "10.88.0.0/16" });
    const proxy = "10.88.0.7";
    for (let i = 0; i < LOGIN_LIMITS.ip; i++) {
      expect((await wrongLogin(app, i, `172.18.0.1`, proxy)).statusCode).toBe(401);
    }
    // Another client behind the same proxy is a different address.
    expect((await wrongLogin(app, 999, "172.18.0.2", proxy)).statusCode).toBe(401);
    expect((await wrongLogin(app, 998, "172.18.0.1", proxy)).statusCode).toBe(429);
  });
});
