import { describe, expect, it } from "vitest";
import { enrolledPatient, type Who, withRegistryWorld } from "../support/registry-world.ts";
import { daysAgo, issuesOf, measureCounts, ok, phq9 } from "./support.ts";

/** Insert assessments straight into the table (the programme fixtures need volume, not the API). */
async function assess(
  patientId: number,
  rows: Array<{ instrument: string; timepoint: string; total: number; daysAgo: number; respondent?: string }>,
) {
  await w.database.db
    .insertInto("assessments")
    .values(
      rows.map((r, i) => ({
        code: `T-${patientId}-${r.instrument}-${r.timepoint}-${r.daysAgo}-${i}`,
        patient_id: patientId,
        date: daysAgo(r.daysAgo),
        instrument: r.instrument,
        respondent: r.respondent ?? (r.instrument === "IMRS-CLINICIAN" ? "clinician" : "patient"),
        timepoint: r.timepoint,
        total_score: r.total,
      })),
    )
    .execute();
}

let s1Patient: { id: number };
let s3Patient: { id: number };
const { w, c } = withRegistryWorld(async () => {
  const { bpd, imr } = w.ids.programmes;
  const { s1, s2, s3 } = w.ids.sites;
  // PHQ-9 pre/post in the BPD programme: S1 pairs (20→12, 18→15, 15→8, 22→22, 10→11), S2 (12→5, 9→16)
  const pairs: Array<[number, number, number]> = [
    [s1, 20, 12],
    [s1, 18, 15],
    [s1, 15, 8],
    [s1, 22, 22],
    [s1, 10, 11],
    [s2, 12, 5],
    [s2, 9, 16],
  ];
  for (const [site, before, after] of pairs) {
    const { patient } = await enrolledPatient(w, site, bpd, 200);
    await assess(patient.id, [
      { instrument: "PHQ-9", timepoint: "baseline", total: before, daysAgo: 150 },
      { instrument: "PHQ-9", timepoint: "follow_up", total: after, daysAgo: 30 },
    ]);
    if (before === 20)
      await assess(patient.id, [{ instrument: "PHQ-9", timepoint: "follow_up", total: 14, daysAgo: 60 }]);
  }
  // left out: a baseline without follow-up, and a follow-up with no baseline
  const lone = await enrolledPatient(w, s1, bpd, 200);
  await assess(lone.patient.id, [{ instrument: "PHQ-9", timepoint: "baseline", total: 25, daysAgo: 100 }]);
  const noBase = await enrolledPatient(w, s1, bpd, 200);
  await assess(noBase.patient.id, [{ instrument: "PHQ-9", timepoint: "end", total: 3, daysAgo: 10 }]);
  // IMRS in the IMR programme at S3: client/clinician pairs at the end
  const imrs: Array<[number, number]> = [
    [50, 48],
    [55, 57],
    [60, 59],
    [40, 45],
    [65, 62],
  ];
  for (const [client, clinician] of imrs) {
    const { patient } = await enrolledPatient(w, s3, imr, 300);
    await assess(patient.id, [
      { instrument: "IMRS-CLIENT", timepoint: "end", total: client, daysAgo: 20 },
      { instrument: "IMRS-CLINICIAN", timepoint: "end", total: clinician, daysAgo: 18 },
    ]);
  }
  // no pair: the clinician rating is 60 days away
  const far = await enrolledPatient(w, s3, imr, 300);
  await assess(far.patient.id, [
    { instrument: "IMRS-CLIENT", timepoint: "end", total: 70, daysAgo: 100 },
    { instrument: "IMRS-CLINICIAN", timepoint: "end", total: 30, daysAgo: 40 },
  ]);
  s1Patient = (await enrolledPatient(w, s1, bpd, 120)).patient;
  s3Patient = (await enrolledPatient(w, s3, imr, 120)).patient;
});

describe("programme pre/post change per site (hand-computed fixture)", () => {
  const url = () => `/api/programmes/${w.ids.programmes.bpd}/outcomes?instrument=PHQ-9`;

  it("pairs each patient's baseline with their latest follow-up or end, per site and overall", async () => {
    const r = ok(await c.coordinator.get(url()));
    expect(r.reliableChangeThreshold).toBe(6);
    const [s1, s2] = r.sites;
    // S1: baselines 20, 18, 15, 22, 10 (mean 17); latest 12, 15, 8, 22, 11 (13.6); changes −8, −3, −7, 0, 1
    // mean −3.4, SD √(65.2 / 4) = 4.04; reliably improved (≤ −6): 2
    expect(s1).toMatchObject({
      siteCode: "S1",
      n: 5,
      baselineMean: 17,
      latestMean: 13.6,
      meanChange: -3.4,
      sdChange: 4.04,
      reliablyImproved: 2,
      reliablyDeteriorated: 0,
      suppressed: false,
    });
    expect(s2).toMatchObject({
      n: 2,
      baselineMean: 10.5,
      latestMean: 10.5,
      meanChange: 0,
      reliablyImproved: 1,
      reliablyDeteriorated: 1,
    });
    // overall: 106 / 7, 89 / 7, −17 / 7
    expect(r.programme).toMatchObject({
      n: 7,
      baselineMean: 15.14,
      latestMean: 12.71,
      meanChange: -2.43,
      reliablyImproved: 3,
      reliablyDeteriorated: 1,
    });
  });

  it("suppresses small cells for viewers (and the programme row when it would reveal the one suppressed site)", async () => {
    const r = ok(await c.viewer.get(url()));
    expect(r.sites[0]).toMatchObject({ n: 5, suppressed: false });
    expect(r.sites[1]).toMatchObject({ n: null, meanChange: null, suppressed: true });
    expect(r.programme).toMatchObject({ n: null, suppressed: true });
  });

  it.each<[Who, number]>([
    ["admin", 200],
    ["coordinator", 200],
    ["clinician1", 200],
    ["viewer", 200],
    ["clinician3", 403],
    ["anonymous", 401],
  ])("%s → %i", async (who, status) => {
    expect((await c[who].get(url())).statusCode).toBe(status);
  });

  it("refuses an unknown instrument or one without a total", async () => {
    expect(
      issuesOf(await c.coordinator.get(`/api/programmes/${w.ids.programmes.bpd}/outcomes?instrument=HAM-D`)),
    ).toEqual(["querystring.instrument:unknown_instrument"]);
    expect(
      issuesOf(await c.coordinator.get(`/api/programmes/${w.ids.programmes.bpd}/outcomes?instrument=C-SSRS`)),
    ).toEqual(["querystring.instrument:no_total"]);
  });
});

describe("client versus clinician IMRS across a programme", () => {
  it("correlates one pair per patient (hand-computed r = 271 / √(370 × 214.8) = 0.961)", async () => {
    const r = ok(await c.clinician3.get(`/api/programmes/${w.ids.programmes.imr}/imrs-correlation`));
    expect(r.programme).toMatchObject({
      n: 5,
      clientMean: 54,
      clinicianMean: 54.2,
      r: 0.961,
      suppressed: false,
    });
    // t = r √3 / √(1 − r²) ≈ 6.04 with 3 df: p ≈ 0.009
    expect(r.programme.pValue).toBeGreaterThan(0.005);
    expect(r.programme.pValue).toBeLessThan(0.015);
    expect(r.programme.ci[0]).toBeLessThan(0.961);
    expect(r.sites[0]).toMatchObject({ siteCode: "S3", n: 5 });
  });

  it("is an aggregate: viewers yes, users of other programmes' sites no", async () => {
    expect((await c.viewer.get(`/api/programmes/${w.ids.programmes.imr}/imrs-correlation`)).statusCode).toBe(
      200,
    );
    expect(
      (await c.clinician1.get(`/api/programmes/${w.ids.programmes.imr}/imrs-correlation`)).statusCode,
    ).toBe(403);
  });
});

describe("a patient's outcomes and IMRS comparison", () => {
  it("shows scores over time with bands and reliable change, audited", async () => {
    ok(
      await c.clinician1.post(`/api/patients/${s1Patient.id}/administrations`, {
        instrument: "PHQ-9",
        date: daysAgo(100),
        timepoint: "baseline",
        respondent: "patient",
        items: phq9([3, 3, 2, 2, 2, 2, 2, 2, 2]),
      }),
      201,
    );
    ok(
      await c.clinician1.post(`/api/patients/${s1Patient.id}/administrations`, {
        instrument: "PHQ-9",
        date: daysAgo(10),
        timepoint: "follow_up",
        respondent: "patient",
        totalScore: 13,
      }),
      201,
    );
    const r = ok(await c.clinician1.get(`/api/patients/${s1Patient.id}/outcomes`));
    const phq = r.instruments.find((i: { instrument: string }) => i.instrument === "PHQ-9");
    expect(phq.points.map((p: { total: number; band: { code: string } }) => [p.total, p.band.code])).toEqual([
      [20, "severe"],
      [13, "moderate"],
    ]);
    expect(phq.points[0].flags).toEqual(["self_harm_thoughts"]);
    // 20 → 13: −7 ≥ 6 points; index −7 / (6 / 1.96) = −2.29
    expect(phq.changes).toEqual([
      expect.objectContaining({
        respondent: "patient",
        change: -7,
        index: -2.29,
        threshold: 6,
        direction: "improved",
      }),
    ]);
    const [entry] = await w.audit({ entity: "patient_outcomes", action: "read", entityId: s1Patient.id });
    expect(entry).toMatchObject({ actor: "clinician1" });
    expect((await c.clinician3.get(`/api/patients/${s1Patient.id}/outcomes`)).statusCode).toBe(403);
    expect((await c.viewer.get(`/api/patients/${s1Patient.id}/outcomes`)).statusCode).toBe(403);
  });

  it("compares client and clinician item by item", async () => {
    const items = (values: number[]) => Object.fromEntries(values.map((v, i) => [String(i + 1), v]));
    const base = { date: daysAgo(5), timepoint: "end" };
    ok(
      await c.clinician3.post(`/api/patients/${s3Patient.id}/administrations`, {
        ...base,
        instrument: "IMRS-CLIENT",
        respondent: "patient",
        items: items([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]),
      }),
      201,
    );
    ok(
      await c.clinician3.post(`/api/patients/${s3Patient.id}/administrations`, {
        ...base,
        date: daysAgo(3),
        instrument: "IMRS-CLINICIAN",
        respondent: "clinician",
        items: items([3, 4, 5, 4, 4, 4, 4, 2, 4, 4, 4, 4, 4, 4, 4]),
      }),
      201,
    );
    const r = ok(await c.clinician3.get(`/api/patients/${s3Patient.id}/imrs-comparison`));
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({
      client: { total: 60, mean: 4 },
      clinician: { total: 58, mean: 3.87 },
      difference: 2,
    });
    expect(r.pairs[0].items.filter((i: { difference: number }) => i.difference !== 0)).toEqual([
      { id: "1", topic: "Progress towards personal goals", client: 4, clinician: 3, difference: 1 },
      {
        id: "3",
        topic: "Involvement of family and friends in my mental health treatment",
        client: 4,
        clinician: 5,
        difference: -1,
      },
      { id: "8", topic: "Relapse prevention planning", client: 4, clinician: 2, difference: 2 },
    ]);
    expect((await c.clinician1.get(`/api/patients/${s3Patient.id}/imrs-comparison`)).statusCode).toBe(403);
  });
});

describe("the IMR summary form", () => {
  it("derives dates, sessions, modules and format from the registry; the provider completes and saves it", async () => {
    const { db } = w.database;
    const site = w.ids.sites.s3;
    const service = await db
      .insertInto("services")
      .values({ site_id: site, code: "CMHC-3", name: "CMHC three", kind: "community_centre" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const other = await db
      .insertInto("services")
      .values({ site_id: w.ids.sites.s1, code: "CMHC-1", name: "CMHC one", kind: "community_centre" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const row = (d: number, module: string | null, setting: string) => ({
      code: `IMR-${s3Patient.id}-${d}-${setting}`,
      patient_id: s3Patient.id,
      site_id: site,
      date: daysAgo(d),
      type: "psychoeducation",
      setting,
      recipient: "patient",
      professional_code: null,
      professional_profile: null,
      duration_min: 60,
      group_id: null,
      group_session_id: null,
      module,
    });
    await db
      .insertInto("interventions")
      .values([
        row(90, "IMR-3", "individual"),
        row(60, "IMR-1", "individual"),
        row(60, "IMR-1", "group"),
        row(30, "IMR-11", "group"),
        row(20, null, "individual"),
      ])
      .execute();
    const url = `/api/patients/${s3Patient.id}/imr-summary`;
    const draft = ok(await c.clinician3.get(`${url}?siteId=${site}`));
    expect(draft.derived).toEqual({
      startDate: daysAgo(90),
      stopDate: daysAgo(30),
      sessions: 3,
      modules: ["IMR-1", "IMR-3", "IMR-11"],
      format: "mixed",
    });
    expect(draft.saved).toBeNull();
    const before = await measureCounts(w);
    for (const [body, expected] of [
      [{ siteId: site, stopDate: daysAgo(100) }, ["body.stopDate:before_start"]],
      [{ siteId: site, serviceId: other.id }, ["body.serviceId:other_site"]],
      [{ siteId: site, modules: ["IMR-12"] }, ["body.modules.0:invalid_format"]],
      [{ siteId: site, sessions: -1 }, ["body.sessions:too_small"]],
    ] as const) {
      const res = await c.clinician3.put(url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(issuesOf(res)).toEqual(expected);
    }
    expect(await measureCounts(w)).toEqual(before);
    expect((await c.clinician1.put(url, { siteId: site })).statusCode).toBe(403);
    expect((await c.viewer.get(`${url}?siteId=${site}`)).statusCode).toBe(403);
    const saved = ok(
      await c.clinician3.put(url, {
        siteId: site,
        serviceId: service.id,
        manualVersion: "2011 (Italian edition)",
        sessions: 4,
      }),
    );
    expect(saved.summary).toEqual({
      startDate: daysAgo(90),
      stopDate: daysAgo(30),
      serviceId: service.id,
      format: "mixed",
      manualVersion: "2011 (Italian edition)",
      sessions: 4,
      modules: ["IMR-1", "IMR-3", "IMR-11"],
    });
    const [entry] = await w.audit({ entity: "imr_summary", action: "create" });
    expect(entry).toMatchObject({
      actor: "clinician3",
      siteId: site,
      detail: { before: null, after: { sessions: 4 } },
    });
  });
});
