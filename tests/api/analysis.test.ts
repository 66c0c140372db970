import { describe, expect, it } from "vitest";
import { chiSquare, pearson } from "../../src/server/analysis/stats/association.ts";
import { kruskalWallis } from "../../src/server/analysis/stats/compare-many.ts";
import { pairedTTest, welchTTest, wilcoxonSignedRank } from "../../src/server/analysis/stats/compare-two.ts";
import { issuesOf } from "../support/registry-world.ts";
import { type Username, worldOfFile } from "../support/world.ts";

/**
 * The analysis API on a small world of the BPD programme: 8 patients at S1, 3 at S2, inserted
 * straight into the tables with known ages, sexes, services and IMRS totals, so every figure the
 * API answers is compared with the statistics computed here from those numbers.
 */
const url = () => `/api/programmes/${w.ids.programmes.bpd}/analysis`;

// [site, birthYear, sex, client baseline, client follow-up, clinician follow-up, service kind]
type Person = [
  "s1" | "s2",
  number,
  "F" | "M",
  number,
  number,
  number,
  "community_centre" | "addiction_service",
];
const PEOPLE: Person[] = [
  ["s1", 1990, "F", 40, 50, 48, "community_centre"],
  ["s1", 1985, "M", 35, 45, 47, "community_centre"],
  ["s1", 2000, "F", 50, 52, 50, "community_centre"],
  ["s1", 1995, "M", 30, 44, 40, "addiction_service"],
  ["s1", 1979, "M", 45, 43, 45, "addiction_service"],
  ["s1", 2001, "F", 38, 49, 46, "community_centre"],
  ["s1", 1992, "M", 42, 55, 52, "addiction_service"],
  ["s1", 1988, "F", 33, 41, 42, "addiction_service"],
  ["s2", 1970, "M", 36, 40, 39, "community_centre"],
  ["s2", 1999, "F", 44, 47, 49, "addiction_service"],
  ["s2", 1983, "M", 39, 46, 41, "community_centre"],
];
const ENROLLED = "2025-02-01";
const AS_OF = "2026-06-30";
const age = (p: Person) => 2025 - p[1];

const w = worldOfFile(async () => {
  const { db } = w.database;
  const site = (k: "s1" | "s2") => w.ids.sites[k];
  const services = await db
    .insertInto("services")
    .values(
      (["s1", "s2"] as const).flatMap((s) => [
        { site_id: site(s), code: `${s}-CMHC`, name: "CMHC", kind: "community_centre" },
        { site_id: site(s), code: `${s}-SERD`, name: "SerD", kind: "addiction_service" },
      ]),
    )
    .returning(["id", "site_id", "kind"])
    .execute();
  const patients = await db
    .insertInto("patients")
    .values(PEOPLE.map((p, i) => ({ code: `AN-${i}`, birth_year: p[1], sex: p[2] })))
    .returning("id")
    .execute();
  await db
    .insertInto("enrolments")
    .values(
      PEOPLE.map((p, i) => ({
        code: `AN-E-${i}`,
        patient_id: patients[i]!.id,
        programme_id: w.ids.programmes.bpd,
        site_id: site(p[0]),
        enrolment_date: ENROLLED,
        // the last two of S1 ended before the as-of day
        end_date: i === 6 || i === 7 ? "2026-01-15" : null,
        end_reason: i === 6 || i === 7 ? "completed" : null,
        primary_diagnosis: "F60.3",
      })),
    )
    .execute();
  await db
    .insertInto("assessments")
    .values(
      PEOPLE.flatMap((p) => [
        {
          instrument: "IMRS-CLIENT",
          respondent: "patient",
          timepoint: "baseline",
          date: "2025-02-10",
          total: p[3],
        },
        {
          instrument: "IMRS-CLIENT",
          respondent: "patient",
          timepoint: "follow_up",
          date: "2025-10-01",
          total: p[4],
        },
        {
          instrument: "IMRS-CLINICIAN",
          respondent: "clinician",
          timepoint: "follow_up",
          date: "2025-10-08",
          total: p[5],
        },
      ]).map((a, j) => ({
        code: `AN-A-${j}`,
        patient_id: patients[Math.floor(j / 3)]!.id,
        date: a.date,
        instrument: a.instrument,
        respondent: a.respondent,
        timepoint: a.timepoint,
        total_score: a.total,
      })),
    )
    .execute();
  await db
    .insertInto("imr_summaries")
    .values(
      PEOPLE.map((p, i) => ({
        patient_id: patients[i]!.id,
        site_id: site(p[0]),
        service_id: services.find((s) => s.site_id === site(p[0]) && s.kind === p[6])!.id,
        start_date: "2025-02-15",
        modules: i < 4 ? ["IMR-1", "IMR-2", "IMR-3"] : ["IMR-1", "IMR-2", "IMR-3", "IMR-4", "IMR-5", "IMR-6"],
      })),
    )
    .execute();
});

/** The analysis's URL with its query parameters. */
const withQuery = (params: Record<string, unknown>, base = url()) =>
  `${base}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;

async function run(who: Username, params: Record<string, unknown>, status = 200) {
  const res = await (await w.as(who)).get(withQuery({ asOf: AS_OF, ...params }));
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

const at = (s: "s1" | "s2") => PEOPLE.filter((p) => p[0] === s);
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("numbers equal an independent computation", () => {
  it("age by site, Welch's t-test", async () => {
    const out = await run("coordinator", { outcome: "age", grouping: "site", test: "welch_t" });
    expect(out.rows.map((r: { key: string; n: number }) => [r.key, r.n])).toEqual([
      ["S1", 8],
      ["S2", 3],
      [null, 11],
    ]);
    expect(out.rows[0].summary.mean).toBeCloseTo(meanOf(at("s1").map(age)), 10);
    expect(out.rows[1].percent).toBeCloseTo((100 * 3) / 11, 10);
    expect(out.tests).toEqual([{ group: null, result: welchTTest(at("s1").map(age), at("s2").map(age)) }]);
  });

  it("client vs clinician IMRS, paired t-test and Pearson (presets)", async () => {
    const client = PEOPLE.map((p) => p[4]);
    const clinician = PEOPLE.map((p) => p[5]);
    const paired = await run("coordinator", { outcome: "imrs_client_clinician", test: "paired_t" });
    expect(paired.tests).toEqual([{ group: null, result: pairedTTest(client, clinician) }]);
    expect(paired.rows[0].difference.mean).toBeCloseTo(meanOf(client) - meanOf(clinician), 10);
    const r = await run("coordinator", { outcome: "imrs_client_clinician", test: "pearson" });
    expect(r.tests[0].result).toEqual(pearson(client, clinician));
  });

  it("pre/post IMRS by modules band, Wilcoxon per band and over all", async () => {
    const out = await run("coordinator", {
      outcome: "score_pre_post",
      instrument: "IMRS-CLIENT",
      grouping: "imr_modules_band",
      test: "wilcoxon",
    });
    const band = (lo: number, hi: number) => PEOPLE.slice(lo, hi);
    expect(out.tests).toEqual([
      {
        group: "1-5",
        result: wilcoxonSignedRank(
          band(0, 4).map((p) => p[3]),
          band(0, 4).map((p) => p[4]),
        ),
      },
      {
        group: "6-10",
        result: wilcoxonSignedRank(
          band(4, 11).map((p) => p[3]),
          band(4, 11).map((p) => p[4]),
        ),
      },
      {
        group: null,
        result: wilcoxonSignedRank(
          PEOPLE.map((p) => p[3]),
          PEOPLE.map((p) => p[4]),
        ),
      },
    ]);
  });

  it("IMRS change by service kind, Kruskal–Wallis", async () => {
    const out = await run("coordinator", {
      outcome: "score_change",
      instrument: "IMRS-CLIENT",
      grouping: "service_kind",
      test: "kruskal_wallis",
    });
    const change = (kind: string) => PEOPLE.filter((p) => p[6] === kind).map((p) => p[4] - p[3]);
    expect(out.rows.map((r: { key: string }) => r.key)).toEqual([
      "addiction_service",
      "community_centre",
      null,
    ]);
    expect(out.tests[0].result).toEqual(
      kruskalWallis([change("addiction_service"), change("community_centre")]),
    );
  });

  it("enrolment still active by site, chi-square (Fisher's exact test for small expected counts)", async () => {
    const out = await run("coordinator", { outcome: "active", grouping: "site", test: "chi_square" });
    expect(out.rows[0].categories).toEqual([
      { value: "yes", count: 6, percent: 75 },
      { value: "no", count: 2, percent: 25 },
    ]);
    expect(out.tests[0].result).toEqual(
      chiSquare([
        [6, 2],
        [3, 0],
      ]),
    );
    expect(out.tests[0].result.test).toBe("fisher_exact");
  });
});

describe("registry outcomes", () => {
  it("psychosocial interventions in the early window count only psychosocial types within its 90 days", async () => {
    const { db } = w.database;
    const first = await db
      .selectFrom("patients")
      .select("id")
      .where("code", "=", "AN-0")
      .executeTakeFirstOrThrow();
    const care = (date: string, type: string, i: number) => ({
      code: `AN-I-${i}`,
      patient_id: first.id,
      site_id: w.ids.sites.s1,
      date,
      type,
      setting: "individual",
      recipient: "patient",
    });
    await db
      .insertInto("interventions")
      .values([
        care("2025-02-01", "psychotherapy", 1),
        care("2025-03-10", "skills_training", 2),
        care("2025-05-01", "psychoeducation", 3), // day 89: the window's last day
        care("2025-03-11", "psychiatric_visit", 4), // not psychosocial
        care("2025-05-02", "psychotherapy", 5), // day 90: after the window
      ])
      .execute();
    const out = await run("coordinator", {
      outcome: "psychosocial_early",
      grouping: "site",
      test: "mann_whitney",
    });
    expect(out.rows[0].summary).toMatchObject({ n: 8, mean: 3 / 8, max: 3, median: 0 });
    expect(out.rows[2].summary.mean).toBeCloseTo(3 / 11, 12);
  });
});

describe("refusals and validation", () => {
  it("a test the data cannot support is answered with its reason", async () => {
    // three age bands among these ages: Welch's t-test needs exactly two groups
    const out = await run("coordinator", { outcome: "age", grouping: "age_band", test: "welch_t" });
    expect(out.tests[0].result).toMatchObject({ ok: false, reason: "two_groups_needed" });
    const one = await run("coordinator", { outcome: "age", grouping: "cohort", test: "anova" });
    expect(one.tests[0].result).toMatchObject({ ok: false, reason: "one_group", params: { groups: 1 } });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      "a t-test of a categorical outcome",
      { outcome: "sex", grouping: "site", test: "welch_t" },
      ["querystring.test:test_not_for_outcome"],
    ],
    [
      "a comparison without grouping",
      { outcome: "age", test: "anova" },
      ["querystring.grouping:grouping_required"],
    ],
    [
      "a score without instrument",
      { outcome: "score_baseline", test: "descriptive" },
      ["querystring.instrument:required"],
    ],
    ["an unknown outcome", { outcome: "income", test: "descriptive" }, ["querystring.outcome:invalid_value"]],
    ["an unknown test", { outcome: "age", test: "t" }, ["querystring.test:invalid_value"]],
  ])("400 for %s, naming the field and rule", async (_, body, expected) => {
    const res = await (await w.as("coordinator")).get(withQuery(body));
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
  });
});

describe("access", () => {
  it("site coordinators and clinicians analyse their own sites", async () => {
    const s1 = await run("sitecoord1", { outcome: "age", test: "descriptive" });
    expect(s1.scope).toEqual({ siteIds: [w.ids.sites.s1], suppressSmallCells: false });
    expect(s1.rows[0].n).toBe(8);
    const s2 = await run("clinician2", { outcome: "age", test: "descriptive" });
    expect(s2.rows[0].n).toBe(3);
    expect(s2.rows[0].summary.max).toBe(Math.max(...at("s2").map(age)));
  });

  it("viewers see small cells suppressed, and no test over them", async () => {
    const out = await run("viewer", { outcome: "age", grouping: "site", test: "welch_t" });
    expect(out.scope.suppressSmallCells).toBe(true);
    // S2 (3 patients) is small; S1 goes too, else it could be derived from the row of all
    expect(
      out.rows.map((r: { key: string; n: number | null; suppressed: boolean }) => [r.key, r.n, r.suppressed]),
    ).toEqual([
      ["S1", null, true],
      ["S2", null, true],
      [null, 11, false],
    ]);
    expect(out.rows[2].summary.min).toBeNull();
    expect(out.tests[0].result).toMatchObject({ ok: false, reason: "suppressed" });
    const whole = await run("viewer", { outcome: "age", test: "descriptive" });
    expect(whole.rows[0].summary.mean).toBeCloseTo(meanOf(PEOPLE.map(age)), 10);
  });

  it("refuses users outside the programme, unknown programmes and anonymous callers", async () => {
    const res = await (await w.as("clinician3")).get(withQuery({ outcome: "age", test: "descriptive" }));
    expect(res.statusCode).toBe(403);
    expect(res.json().reason).toBe("not_your_programme");
    expect((await (await w.as("clinician3")).get(`${url()}/presets`)).statusCode).toBe(403);
    const missing = await (await w.as("admin")).get(
      withQuery({ outcome: "age", test: "descriptive" }, "/api/programmes/999999/analysis"),
    );
    expect(missing.statusCode).toBe(404);
    expect((await w.anonymous.get(withQuery({ outcome: "age", test: "descriptive" }))).statusCode).toBe(401);
  });

  it("never answers patient rows, and audits the read", async () => {
    const res = await (await w.as("coordinator")).get(
      withQuery({ outcome: "sex", grouping: "site", test: "chi_square" }),
    );
    expect(res.body).not.toMatch(/AN-|patientId/);
    const entries = await w.audit({ entity: "analysis" });
    expect(entries[0]).toMatchObject({
      actor: "coordinator",
      action: "read",
      programmeId: w.ids.programmes.bpd,
    });
    expect(entries[0]!.detail).toMatchObject({ outcome: "sex", grouping: "site", test: "chi_square" });
  });

  it("lists the Ferrara presets to those who may analyse", async () => {
    const res = await (await w.as("viewer")).get(`${url()}/presets`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().presets.map((p: { id: string }) => p.id);
    expect(ids).toContain("imrs_client_vs_clinician");
    expect(ids).toContain("imrs_pre_post_by_modules");
    expect(ids).toContain("imrs_by_service");
  });
});
