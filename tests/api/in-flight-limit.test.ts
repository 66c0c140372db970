import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { installErrorHandler } from "../../src/server/infra/http/error-handler.ts";
import { installInFlightLimit } from "../../src/server/infra/http/in-flight-limit.ts";

/** The bound on requests in progress: past it, 503 with Retry-After at once; never a queue. */
async function slowApp(max: number) {
  const app = Fastify();
  installErrorHandler(app);
  const gate = installInFlightLimit(app, max);
  let open: Array<() => void> = [];
  app.get("/slow", async () => {
    await new Promise<void>((resolve) => open.push(resolve));
    return { ok: true };
  });
  app.get("/fail", async () => {
    throw new Error("boom");
  });
  const releaseAll = () => {
    const waiting = open;
    open = [];
    for (const r of waiting) r();
  };
  const waitFor = async (n: number) => {
    while (open.length < n) await new Promise((r) => setTimeout(r, 1));
  };
  return { app, gate, releaseAll, waitFor };
}

describe("in-flight limit", () => {
  it("answers 503 with Retry-After past the limit, and admits again once requests finish", async () => {
    const { app, gate, releaseAll, waitFor } = await slowApp(3);
    const held = [1, 2, 3].map(() => app.inject({ method: "GET", url: "/slow" }));
    await waitFor(3);
    expect(gate.inFlight).toBe(3);
    const refused = await app.inject({ method: "GET", url: "/slow" });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers["retry-after"]).toBe("1");
    expect(refused.json()).toMatchObject({ error: "overloaded" });
    releaseAll();
    expect((await Promise.all(held)).map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(gate.inFlight).toBe(0);
    const again = app.inject({ method: "GET", url: "/slow" });
    await waitFor(1);
    releaseAll();
    expect((await again).statusCode).toBe(200);
    await app.close();
  });

  it("releases a slot after an error and after the client goes away", async () => {
    const { app, gate, releaseAll, waitFor } = await slowApp(2);
    expect((await app.inject({ method: "GET", url: "/fail" })).statusCode).toBe(500);
    expect(gate.inFlight).toBe(0);
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as { port: number };
    const aborted = new AbortController();
    const gone = fetch(`http://127.0.0.1:${port}/slow`, { signal: aborted.signal }).catch(() => null);
    await waitFor(1);
    expect(gate.inFlight).toBe(1);
    aborted.abort();
    await gone;
    const started = Date.now();
    while (gate.inFlight !== 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 5));
    expect(gate.inFlight).toBe(0);
    releaseAll();
    await app.close();
  });

  it("a burst of 500 concurrent clients over HTTP gets answers or 503s, and the count returns to zero", async () => {
    const { app, gate, releaseAll, waitFor } = await slowApp(50);
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as { port: number };
    const burst = Array.from({ length: 500 }, () =>
      fetch(`http://127.0.0.1:${port}/slow`).then((r) => ({
        status: r.status,
        retry: r.headers.get("retry-after"),
      })),
    );
    await waitFor(50);
    // give the other 450 time to arrive and be refused while 50 are held
    const started = Date.now();
    let settled = 0;
    for (const p of burst) void p.then(() => settled++);
    while (settled < 450 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 10));
    releaseAll();
    const answers = await Promise.all(burst);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(50);
    const refused = answers.filter((a) => a.status === 503);
    expect(refused).toHaveLength(450);
    expect(refused.every((a) => a.retry === "1")).toBe(true);
    expect(gate.inFlight).toBe(0);
    await app.close();
  });
});
