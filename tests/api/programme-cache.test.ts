import { describe, expect, it } from "vitest";
import { today as regionToday } from "../../src/server/infra/time/civil-date.ts";
import { secondServerOf } from "../support/second-server.ts";
import { worldOfFile } from "../support/world.ts";

/**
 * The programme list is kept in memory per process; every change to programmes, their sites,
 * phases or practices — through the API or straight in the database — shows in the next answer,
 * on this server and (PostgreSQL) on another one.
 */
const w = worldOfFile();

type Summary = { code: string; name: string; siteCount: number; currentPhase: string | null };
const list = async (get: (url: string) => Promise<{ json(): unknown }>) =>
  (await get("/api/programmes")).json() as Summary[];
const today = regionToday();

describe("the programme list cache", () => {
  it("shows a programme renamed, a site added and a phase begun straight in the database", async () => {
    const admin = await w.as("admin");
    const byCode = async () => Object.fromEntries((await list((u) => admin.get(u))).map((p) => [p.code, p]));
    expect((await byCode())["IMR-LOM"]).toMatchObject({
      name: "IMR pilot",
      siteCount: 1,
      currentPhase: null,
    });
    const { db } = w.database;
    await db
      .updateTable("programmes")
      .set({ name: "IMR region" })
      .where("id", "=", w.ids.programmes.imr)
      .execute();
    expect((await byCode())["IMR-LOM"]!.name).toBe("IMR region");
    await db
      .insertInto("programme_sites")
      .values({ programme_id: w.ids.programmes.imr, site_id: w.ids.sites.s1 })
      .execute();
    expect((await byCode())["IMR-LOM"]!.siteCount).toBe(2);
    await db
      .insertInto("programme_phases")
      .values({
        programme_id: w.ids.programmes.imr,
        phase: "implementation",
        start_date: today,
        end_date: null,
      })
      .execute();
    expect((await byCode())["IMR-LOM"]!.currentPhase).toBe("implementation");
    await db
      .updateTable("practices")
      .set({ name: "IMR (renamed)" })
      .where("id", "=", w.ids.practices.imr)
      .execute();
    const imr = (await byCode())["IMR-LOM"] as unknown as { practice: { name: string } };
    expect(imr.practice.name).toBe("IMR (renamed)");
  });

  it("a clinician's list follows a site joining the programme (access from the cached rows)", async () => {
    const clinician = await w.as("clinician3");
    const codes = async () => (await list((u) => clinician.get(u))).map((p) => p.code);
    expect(await codes()).not.toContain("BPD-LOM");
    await w.database.db
      .insertInto("programme_sites")
      .values({ programme_id: w.ids.programmes.bpd, site_id: w.ids.sites.s3 })
      .execute();
    expect(await codes()).toContain("BPD-LOM");
    await w.database.db
      .deleteFrom("programme_sites")
      .where("programme_id", "=", w.ids.programmes.bpd)
      .where("site_id", "=", w.ids.sites.s3)
      .execute();
    expect(await codes()).not.toContain("BPD-LOM");
  });
});

describe.skipIf(process.env.PRAXIS_TEST_DB !== "postgres")("across two servers on PostgreSQL", () => {
  const second = secondServerOf(w);

  it("a change committed through one server is in the other's next answer, every time", async () => {
    const admin = await w.as("admin");
    const onSecond = (url: string) =>
      second.app.inject({ method: "GET", url, headers: { cookie: admin.cookie } });
    for (let i = 0; i < 30; i++) {
      expect((await onSecond("/api/programmes")).statusCode).toBe(200); // cached on the second
      await w.database.db
        .updateTable("programmes")
        .set({ name: `round ${i}` })
        .where("id", "=", w.ids.programmes.bpd)
        .execute();
      const bpd = (await list(onSecond)).find((p) => p.code === "BPD-LOM")!;
      expect(bpd.name).toBe(`round ${i}`);
    }
  });
});
