import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "../../src/server/infra/time/civil-date.ts";
import { createPatient, daysAgo, enrol, issuesOf } from "../support/registry-world.ts";
import { rowCount } from "../support/row-counts.ts";
import { createWorld, type Username, type World } from "../support/world.ts";

let w: World;
const ids = { s1a: 0, s1b: 0, s1enrolled: 0, s3: 0 };
beforeAll(async () => {
  w = await createWorld();
  ids.s1a = (await createPatient(w, w.ids.sites.s1)).id;
  ids.s1b = (await createPatient(w, w.ids.sites.s1)).id;
  ids.s1enrolled = (await createPatient(w, w.ids.sites.s1)).id;
  ids.s3 = (await createPatient(w, w.ids.sites.s3)).id;
  await enrol(w, {
    patientId: ids.s1enrolled,
    programmeId: w.ids.programmes.bpd,
    siteId: w.ids.sites.s1,
    enrolmentDate: daysAgo(20),
  });
});
afterAll(async () => {
  await w?.close();
});

const offer = (patientId: number, extra: Record<string, unknown> = {}) => ({
  patientId,
  programmeId: w.ids.programmes.bpd,
  siteId: w.ids.sites.s1,
  offerDate: daysAgo(10),
  reason: "practical_barriers",
  ...extra,
});
const uptakeOfS1 = async (user: Username = "coordinator") => {
  const res = await (await w.as(user)).get(`/api/programmes/${w.ids.programmes.bpd}/uptake`);
  expect(res.statusCode).toBe(200);
  return res.json().sites.find((s: { siteId: number }) => s.siteId === w.ids.sites.s1);
};
const count = () => rowCount(w, "declined_offers");

describe("declined offers: recording", () => {
  it.each<[Username, () => Record<string, unknown>]>([
    ["viewer", () => offer(ids.s1a)],
    ["clinician2", () => offer(ids.s1a)],
    ["clinician3", () => offer(ids.s1a)],
    ["clinician1", () => offer(ids.s3, { siteId: w.ids.sites.s3, programmeId: w.ids.programmes.imr })],
  ])("refuses %s out of scope with 403 and stores nothing", async (u, body) => {
    const before = Number(await count());
    const res = await (await w.as(u)).post("/api/declined-offers", body());
    expect(res.statusCode).toBe(403);
    expect(Number(await count())).toBe(before);
  });

  it("lets a clinician of the site record one, audited, and the site's uptake falls", async () => {
    expect(await uptakeOfS1()).toMatchObject({ enrolled: 1, declined: 0, uptake: 1 });
    const res = await (await w.as("clinician1")).post("/api/declined-offers", offer(ids.s1a));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      programmeCode: "BPD-LOM",
      siteCode: "S1",
      reason: "practical_barriers",
    });
    const [entry] = await w.audit({ entity: "declined_offer" });
    expect(entry).toMatchObject({ action: "create", actor: "clinician1", siteId: w.ids.sites.s1 });
    expect(await uptakeOfS1()).toMatchObject({ enrolled: 1, declined: 1, uptake: 0.5 });
  });

  it.each<[string, () => Record<string, unknown>, string[]]>([
    [
      "a date in the future",
      () => offer(ids.s1b, { offerDate: addDays(today(), 1) }),
      ["body.offerDate:future"],
    ],
    [
      "a site not of the programme",
      () => offer(ids.s1b, { programmeId: w.ids.programmes.imr }),
      ["body.siteId:programme_site"],
    ],
    ["an unknown reason", () => offer(ids.s1b, { reason: "weather" }), ["body.reason:invalid_value"]],
    ["a patient enrolled in it then", () => offer(ids.s1enrolled), ["body.programmeId:already_enrolled"]],
    ["an unknown patient", () => offer(999_999), ["body.patientId:reference"]],
  ])("refuses %s with 400 naming the field, storing nothing", async (_, body, expected) => {
    const before = Number(await count());
    const res = await (await w.as("clinician1")).post("/api/declined-offers", body());
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
    expect(Number(await count())).toBe(before);
  });
});

describe("declined offers: reading", () => {
  it.each<Username>(["admin", "coordinator", "sitecoord1", "clinician1"])(
    "lets %s read a patient's, audited",
    async (u) => {
      const res = await (await w.as(u)).get(`/api/patients/${ids.s1a}/declined-offers`);
      expect(res.statusCode).toBe(200);
      expect(res.json().map((o: { reason: string }) => o.reason)).toEqual(["practical_barriers"]);
      const [entry] = await w.audit({ entity: "declined_offers" });
      expect(entry).toMatchObject({ action: "read", actor: u, entityId: String(ids.s1a) });
    },
  );

  it.each<Username>(["viewer", "clinician2", "clinician3"])("refuses %s with 403", async (u) => {
    const res = await (await w.as(u)).get(`/api/patients/${ids.s1a}/declined-offers`);
    expect(res.statusCode).toBe(403);
  });

  it("hides small counts of uptake from users who see suppressed aggregates", async () => {
    expect(await uptakeOfS1("clinician1")).toMatchObject({
      enrolled: null,
      declined: null,
      uptake: null,
      suppressed: true,
    });
    const res = await (await w.as("clinician3")).get(`/api/programmes/${w.ids.programmes.bpd}/uptake`);
    expect(res.statusCode).toBe(403);
  });
});

describe("uptake as an indicator (source offers)", () => {
  const bpd = () => w.ids.programmes.bpd;
  interface Rec {
    id: string;
    site: string | null;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    target: number | null;
  }
  const indicator = async (query = "") => {
    const res = await (await w.as("coordinator")).get(
      `/api/programmes/${bpd()}/indicators?ids=uptake_12m${query}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json().indicators as Rec[];
  };
  const uptake = async () => {
    const res = await (await w.as("coordinator")).get(`/api/programmes/${bpd()}/uptake`);
    expect(res.statusCode).toBe(200);
    return res.json() as {
      sites: Array<{ siteCode: string; enrolled: number; declined: number; uptake: number | null }>;
      programme: { enrolled: number; declined: number; uptake: number | null };
    };
  };
  /** The indicator's rows agree with the uptake read, site by site and for the programme. */
  const expectAgreement = async () => {
    const [records, read] = await Promise.all([indicator(), uptake()]);
    for (const s of read.sites) {
      const r = records.find((x) => x.site === s.siteCode)!;
      expect(r, s.siteCode).toMatchObject({
        numerator: s.enrolled,
        denominator: s.enrolled + s.declined,
        value: s.uptake,
      });
    }
    expect(records.find((x) => x.site === null)).toMatchObject({
      numerator: read.programme.enrolled,
      denominator: read.programme.enrolled + read.programme.declined,
      value: read.programme.uptake,
    });
  };

  it("is defined by a coordinator with a target, and refused with another kind", async () => {
    const as = await w.as("coordinator");
    const bad = await as.post(`/api/programmes/${bpd()}/indicator-definitions`, {
      definition: { id: "uptake_count", label: "Uptake", kind: "count", compute: { source: "offers" } },
    });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad)).toContain("body.definition.kind:custom");
    const badWindow = await as.post(`/api/programmes/${bpd()}/indicator-definitions`, {
      definition: {
        id: "uptake_zero",
        label: "Uptake",
        kind: "ratio",
        compute: { source: "offers", windowDays: 0 },
      },
    });
    expect(badWindow.statusCode).toBe(400);
    const res = await as.post(`/api/programmes/${bpd()}/indicator-definitions`, {
      definition: {
        id: "uptake_12m",
        label: "Uptake of the practice (12 months)",
        kind: "ratio",
        target: 0.7,
        direction: "higher_is_better",
        compute: { source: "offers" },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    await expectAgreement();
    const s1 = (await indicator()).find((r) => r.site === "S1")!;
    expect(s1).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, target: 0.7 });
  });

  it("follows a new declined offer and a new enrolment at once (no stale cache)", async () => {
    const declining = (await createPatient(w, w.ids.sites.s1)).id;
    const res = await (await w.as("clinician1")).post("/api/declined-offers", offer(declining));
    expect(res.statusCode, res.body).toBe(201);
    expect((await indicator()).find((r) => r.site === "S1")).toMatchObject({ numerator: 1, denominator: 3 });
    const joining = (await createPatient(w, w.ids.sites.s1)).id;
    await enrol(w, {
      patientId: joining,
      programmeId: bpd(),
      siteId: w.ids.sites.s1,
      enrolmentDate: daysAgo(5),
    });
    expect((await indicator()).find((r) => r.site === "S1")).toMatchObject({ numerator: 2, denominator: 4 });
    await expectAgreement();
  });

  it("counts only the window up to the as-of date", async () => {
    // Fifteen days ago: the enrolment of twenty days ago counts, the offers of ten days ago not yet.
    const past = await indicator(`&asOf=${daysAgo(15)}`);
    expect(past.find((r) => r.site === "S1")).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
  });
});
