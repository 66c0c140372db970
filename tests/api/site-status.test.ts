import { describe, expect, it } from "vitest";
import { addDays, today } from "../../src/server/infra/time/civil-date.ts";
import { type Username, worldOfFile } from "../support/world.ts";

const w = worldOfFile(async () => {
  const admin = await w.as("admin");
  for (const [code, site, trained] of [
    ["S1-PSY-1", "s1", true],
    ["S1-NUR-1", "s1", true],
    ["S2-NUR-1", "s2", false],
    ["S3-EDU-1", "s3", true],
  ] as const) {
    const res = await admin.post("/api/professionals", {
      code,
      siteId: w.ids.sites[site],
      profile: "nurse",
      trained,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
});

const bpd = () => w.ids.programmes.bpd;
const statusUrl = (site: "s1" | "s2" | "s3", programme = bpd()) =>
  `/api/programmes/${programme}/sites/${w.ids.sites[site]}/status`;
const rowOf = async (site: "s1" | "s2" | "s3") => {
  const res = await (await w.as("admin")).get(`/api/programmes/${bpd()}/site-status`);
  return res.json().sites.find((s: { siteId: number }) => s.siteId === w.ids.sites[site]);
};
const DAY = (n: number) => addDays(today(), -n);

describe("site status: reading", () => {
  it.each<Username>(["admin", "coordinator", "sitecoord1", "clinician1", "clinician2", "viewer"])(
    "lets %s list the BPD sites with their status",
    async (u) => {
      const res = await (await w.as(u)).get(`/api/programmes/${bpd()}/site-status`);
      expect(res.statusCode).toBe(200);
      expect(res.json().sites.map((s: { siteCode: string }) => s.siteCode)).toEqual(["S1", "S2"]);
    },
  );

  it("refuses a clinician of another programme's site with 403", async () => {
    const res = await (await w.as("clinician3")).get(`/api/programmes/${bpd()}/site-status`);
    expect(res.statusCode).toBe(403);
  });

  it("says per site who may change it", async () => {
    const sites = (await (await w.as("sitecoord1")).get(`/api/programmes/${bpd()}/site-status`)).json().sites;
    expect(sites.map((s: { canChange: boolean }) => s.canChange)).toEqual([true, false]);
    const clin = (await (await w.as("clinician1")).get(`/api/programmes/${bpd()}/site-status`)).json().sites;
    expect(clin.map((s: { canChange: boolean }) => s.canChange)).toEqual([false, false]);
  });
});

describe("site status: recording a change", () => {
  it.each<[Username, "s1" | "s2"]>([
    ["clinician1", "s1"],
    ["sitecoord1", "s2"],
    ["viewer", "s1"],
    ["clinician3", "s1"],
  ])("refuses %s changing %s with 403 and stores nothing", async (u, site) => {
    const res = await (await w.as(u)).post(statusUrl(site), {
      status: "preparing",
      effectiveDate: DAY(100),
      baseVersion: 0,
    });
    expect(res.statusCode).toBe(403);
    expect((await rowOf(site)).version).toBe(0);
  });

  it("lets the site's coordinator, the regional coordinator and an administrator change it, in order", async () => {
    const first = await (await w.as("sitecoord1")).post(statusUrl("s1"), {
      status: "preparing",
      effectiveDate: DAY(100),
      note: "team trained in March",
      baseVersion: 0,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().current).toMatchObject({ status: "preparing", version: 1, changedBy: "sitecoord1" });
    const second = await (await w.as("coordinator")).post(statusUrl("s1"), {
      status: "active",
      effectiveDate: DAY(60),
      baseVersion: 1,
    });
    expect(second.statusCode).toBe(201);
    const third = await (await w.as("admin")).post(statusUrl("s2"), {
      status: "preparing",
      effectiveDate: DAY(30),
      baseVersion: 0,
    });
    expect(third.statusCode).toBe(201);
    const row = await rowOf("s1");
    expect(row.current.status).toBe("active");
    expect(row.history.map((h: { status: string }) => h.status)).toEqual(["active", "preparing"]);
    expect(row.version).toBe(2);
  });

  it("audits the change with before and after", async () => {
    const entries = await w.audit({ entity: "site_status_change" });
    expect(entries).toHaveLength(3);
    const entry = entries.find((e) => e.actor === "coordinator");
    expect(entry).toMatchObject({ action: "create", actor: "coordinator", programmeId: bpd() });
    expect(entry!.detail.before).toMatchObject({ status: "preparing" });
    expect(entry!.detail.after).toMatchObject({ status: "active" });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      "a date before the last change",
      { status: "stopped", reason: "funding", effectiveDate: DAY(61) },
      "body.effectiveDate",
      "before_previous_change",
    ],
    [
      "a date in the future",
      { status: "stopped", reason: "funding", effectiveDate: addDays(today(), 1) },
      "body.effectiveDate",
      "future",
    ],
    ["the same status", { status: "active", effectiveDate: DAY(10) }, "body.status", "same_status"],
    [
      "back to preparing",
      { status: "preparing", effectiveDate: DAY(10) },
      "body.status",
      "status_transition",
    ],
    ["stopped without a reason", { status: "stopped", effectiveDate: DAY(10) }, "body.reason", "required"],
    [
      "an unknown reason",
      { status: "stopped", reason: "weather", effectiveDate: DAY(10) },
      "body.reason",
      "invalid_value",
    ],
  ])("refuses %s with 400 naming the field, storing nothing", async (_, body, field, rule) => {
    const res = await (await w.as("coordinator")).post(statusUrl("s1"), { ...body, baseVersion: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toContainEqual(expect.objectContaining({ field, rule }));
    expect((await rowOf("s1")).version).toBe(2);
  });

  it("answers a stale version with 409 and stores nothing", async () => {
    const res = await (await w.as("coordinator")).post(statusUrl("s1"), {
      status: "stopped",
      reason: "staff_turnover",
      effectiveDate: DAY(5),
      baseVersion: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe("stale_version");
    expect((await rowOf("s1")).version).toBe(2);
  });

  it("answers 404 for a site that is not the programme's", async () => {
    const res = await (await w.as("admin")).post(statusUrl("s3"), {
      status: "preparing",
      effectiveDate: DAY(5),
      baseVersion: 0,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("region funnel", () => {
  it.each<Username>(["sitecoord1", "clinician1", "viewer"])("refuses %s with 403", async (u) => {
    const res = await (await w.as(u)).get(`/api/programmes/${bpd()}/region-funnel`);
    expect(res.statusCode).toBe(403);
  });

  it("counts every site of the region, and moves a stopped site out of the never-started", async () => {
    const read = async () =>
      (await (await w.as("coordinator")).get(`/api/programmes/${bpd()}/region-funnel`)).json();
    const before = await read();
    expect(before.regionSites).toBe(3);
    // S1 and S3 have trained professionals (S3 is not a BPD site); nobody has enrolled a patient
    expect(before.trained).toEqual({ sites: 2, professionals: 3 });
    expect(before.neverStarted).toEqual({ sites: 2, professionals: 3 });
    expect(before.pausedOrStopped).toEqual({ sites: 0, professionals: 0 });
    const stop = await (await w.as("coordinator")).post(statusUrl("s1"), {
      status: "stopped",
      reason: "staff_turnover",
      effectiveDate: DAY(5),
      note: "three of four trained staff left",
      baseVersion: 2,
    });
    expect(stop.statusCode).toBe(201);
    const after = await read();
    expect(after.pausedOrStopped).toEqual({ sites: 1, professionals: 2 });
    const s1 = after.sites.find((s: { siteCode: string }) => s.siteCode === "S1");
    expect(s1).toMatchObject({ status: "stopped", stage: "paused_or_stopped", inProgramme: true });
    const s3 = after.sites.find((s: { siteCode: string }) => s.siteCode === "S3");
    expect(s3).toMatchObject({ inProgramme: false, stage: "never_started", trainedProfessionals: 1 });
  });
});
