import { describe, expect, it } from "vitest";
import { principalWith as principal } from "../../../tests/support/principal.ts";
import type { Principal } from "../infra/auth/principal.ts";
import { analysisScope } from "./access.ts";
import { type Analysis, analyse, orderKeys, type Unit } from "./analyse.ts";
import { PRESETS } from "./presets.ts";
import { chiSquare } from "./stats/association.ts";
import { mannWhitney, pairedTTest, welchTTest } from "./stats/compare-two.ts";
import { present, rowsToSuppress } from "./suppress-rows.ts";
import { type AnalysisRequest, requestIssues } from "./validate-request.ts";

const issues = (r: AnalysisRequest) => requestIssues(r).map((i) => `${i.field}:${i.rule}`);

describe("requestIssues", () => {
  it.each<[string, AnalysisRequest, string[]]>([
    ["numeric by site, Welch", { outcome: "age", grouping: "site", test: "welch_t" }, []],
    [
      "categorical t-test",
      { outcome: "sex", grouping: "site", test: "welch_t" },
      ["querystring.test:test_not_for_outcome"],
    ],
    [
      "numeric chi-square",
      { outcome: "age", grouping: "site", test: "chi_square" },
      ["querystring.test:test_not_for_outcome"],
    ],
    [
      "pair with ANOVA",
      { outcome: "imrs_client_clinician", grouping: "site", test: "anova" },
      ["querystring.test:test_not_for_outcome"],
    ],
    [
      "numeric with paired t",
      { outcome: "age", grouping: "none", test: "paired_t" },
      ["querystring.test:test_not_for_outcome"],
    ],
    [
      "comparison without grouping",
      { outcome: "age", grouping: "none", test: "anova" },
      ["querystring.grouping:grouping_required"],
    ],
    [
      "chi-square without grouping",
      { outcome: "active", grouping: "none", test: "chi_square" },
      ["querystring.grouping:grouping_required"],
    ],
    [
      "paired without grouping is fine",
      { outcome: "imrs_client_clinician", grouping: "none", test: "paired_t" },
      [],
    ],
    [
      "sex by sex",
      { outcome: "sex", grouping: "sex", test: "descriptive" },
      ["querystring.grouping:same_as_outcome"],
    ],
    [
      "score without instrument",
      { outcome: "score_change", grouping: "none", test: "descriptive" },
      ["querystring.instrument:required"],
    ],
    [
      "unknown instrument",
      { outcome: "score_baseline", instrument: "XYZ", grouping: "none", test: "descriptive" },
      ["querystring.instrument:unknown_instrument"],
    ],
    [
      "instrument without total",
      { outcome: "score_baseline", instrument: "C-SSRS", grouping: "none", test: "descriptive" },
      ["querystring.instrument:no_total"],
    ],
    [
      "instrument where none is read",
      { outcome: "age", instrument: "PHQ-9", grouping: "none", test: "descriptive" },
      ["querystring.instrument:not_allowed"],
    ],
    [
      "score with instrument",
      { outcome: "score_pre_post", instrument: "IMRS-CLIENT", grouping: "site", test: "wilcoxon" },
      [],
    ],
  ])("%s", (_, r, expected) => expect(issues(r)).toEqual(expected));

  it("every preset is a valid request", () => {
    for (const p of PRESETS) expect(issues(p), p.id).toEqual([]);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });
});

const u = (group: string | null, value: number | string | null, second?: number | null): Unit => ({
  group,
  value,
  ...(second === undefined ? {} : { second }),
});

describe("analyse", () => {
  const units = [u("B", 3), u("A", 1), u("A", 2), u("B", 5), u("A", null), u(null, 7), u("B", 4)];

  it("describes each group and all, leaving out and counting what is missing", () => {
    const a = analyse(units, "numeric", true, "welch_t");
    expect(a.rows.map((r) => [r.key, r.n, r.summary?.mean])).toEqual([
      ["A", 2, 1.5],
      ["B", 3, 4],
      [null, 5, 3],
    ]);
    expect(a.rows[0]!.percent).toBe(40);
    expect(a.excluded).toEqual({ missingGroup: 1, missingOutcome: 1 });
    expect(a.tests).toEqual([{ group: null, result: welchTTest([1, 2], [3, 5, 4]) }]);
  });

  it("runs the two-group tests in table order and names a refused group by key", () => {
    expect(analyse(units, "numeric", true, "mann_whitney").tests[0]!.result).toEqual(
      mannWhitney([1, 2], [3, 5, 4]),
    );
    const one = analyse([u("A", 1), u("B", 2), u("B", 3)], "numeric", true, "welch_t").tests[0]!.result;
    expect(one).toMatchObject({ ok: false, reason: "too_few", params: { group: "A" } });
  });

  it.each<[string, Unit[], string, string]>([
    ["Welch on three groups", [u("A", 1), u("B", 2), u("C", 3)], "welch_t", "two_groups_needed"],
    ["Fisher on 3 × 2", [u("A", "F"), u("B", "M"), u("C", "F")], "fisher", "not_2x2"],
    ["ANOVA on one group", [u("A", 1), u("A", 2)], "anova", "one_group"],
  ])("refuses %s", (_, us, test, reason) => {
    const kind = test === "fisher" ? "categorical" : "numeric";
    expect(analyse(us, kind, true, test as never).tests[0]!.result).toMatchObject({ ok: false, reason });
  });

  it("counts categories, 0 where a group has none, and builds the chi-square table", () => {
    const cat = [u("S1", "no"), u("S1", "yes"), u("S2", "yes"), u("S2", "yes")];
    const a = analyse(cat, "categorical", true, "chi_square");
    expect(a.rows[0]!.categories).toEqual([
      { value: "yes", count: 1, percent: 50 },
      { value: "no", count: 1, percent: 50 },
    ]);
    expect(a.rows[1]!.categories!.map((c) => c.count)).toEqual([2, 0]);
    // a 2 × 2 table with small expected counts is answered by Fisher's exact test
    expect(a.tests[0]!.result).toEqual(
      chiSquare([
        [1, 1],
        [2, 0],
      ]),
    );
  });

  it("runs a paired test within each group and over all", () => {
    const pairs = [
      u("A", 10, 8),
      u("A", 12, 11),
      u("A", 9, 9.5),
      u("B", 20, 15),
      u("B", 22, 19),
      u("A", 5, null),
    ];
    const a = analyse(pairs, "pair", true, "paired_t");
    expect(a.tests.map((t) => t.group)).toEqual(["A", "B", null]);
    expect(a.tests[0]!.result).toEqual(pairedTTest([10, 12, 9], [8, 11, 9.5]));
    expect(a.tests[2]!.result).toEqual(pairedTTest([10, 12, 9, 20, 22], [8, 11, 9.5, 15, 19]));
    expect(a.rows[2]!.difference!.mean).toBeCloseTo((2 + 1 - 0.5 + 5 + 3) / 5, 12);
    expect(a.excluded.missingOutcome).toBe(1);
  });

  it("orders known keys first, the rest by code", () => {
    expect(orderKeys(["M", "X", "F", "Z"], ["F", "M", "X", "U"])).toEqual(["F", "M", "X", "Z"]);
    expect(orderKeys(["b", "a", "b"])).toEqual(["a", "b"]);
  });
});

describe("small-cell suppression (viewers)", () => {
  const rows = (ns: number[]) =>
    analyse(
      ns.flatMap((n, i) => Array.from({ length: n }, (_, j) => u(`G${i}`, j))),
      "numeric",
      true,
      "anova",
    ).rows;
  it.each<[string, number[], number[]]>([
    ["nothing small", [6, 7], []],
    ["one small group and the next smallest", [3, 8, 6], [0, 2]],
    ["two small groups summing to 5 are not derivable", [3, 2, 9, 10], [0, 1]],
    ["two small groups summing to 3 take the next smallest", [1, 2, 9, 10], [0, 1, 2]],
    ["no group left to hide: the row of all goes", [1, 2], [0, 1, 2]],
    ["a group without patients has no row", [3, 0, 7], [0, 1]],
  ])("%s", (_, ns, expected) => {
    expect([...rowsToSuppress(rows(ns))].sort((a, b) => a - b)).toEqual(expected);
  });

  it("a small category count suppresses its row", () => {
    const cat = analyse(
      [
        ...Array(6).fill(u("A", "yes")),
        u("A", "no"),
        ...Array(5).fill(u("B", "yes")),
        ...Array(5).fill(u("B", "no")),
      ],
      "categorical",
      true,
      "chi_square",
    );
    const shown: Analysis = cat;
    const p = present(shown, true);
    expect(p.rows.map((r) => r.suppressed)).toEqual([true, true, false]);
    expect(p.tests[0]!.result).toMatchObject({ ok: false, reason: "suppressed" });
    expect(p.rows[2]!.categories!.map((c) => c.count)).toEqual([11, 6]);
  });

  it("hides min and max and small exclusion counts; coordinators see everything", () => {
    const a = analyse([...Array(6).fill(u("A", 1)), u("A", null)], "numeric", false, "descriptive");
    const viewer = present(a, true);
    expect(viewer.rows[0]).toMatchObject({ n: 6, summary: { min: null, max: null, median: 1 } });
    expect(viewer.excluded.missingOutcome).toBeNull();
    expect(present(a, false).rows[0]!.summary!.max).toBe(1);
  });
});

describe("analysisScope", () => {
  type Grant = Omit<Principal["grants"][number], "id">;
  const programme = { id: 7, siteIds: [1, 2] };
  it.each<[string, Grant[], ReturnType<typeof analysisScope>]>([
    [
      "administrator",
      [{ role: "administrator", programmeId: null, siteId: null }],
      { allowed: true, siteIds: null, suppressSmallCells: false },
    ],
    [
      "its coordinator",
      [{ role: "regional_coordinator", programmeId: 7, siteId: null }],
      { allowed: true, siteIds: null, suppressSmallCells: false },
    ],
    [
      "another programme's coordinator",
      [{ role: "regional_coordinator", programmeId: 8, siteId: null }],
      { allowed: false },
    ],
    [
      "site coordinator of site 1",
      [{ role: "site_coordinator", programmeId: null, siteId: 1 }],
      { allowed: true, siteIds: [1], suppressSmallCells: false },
    ],
    [
      "clinician of site 2",
      [{ role: "clinician", programmeId: null, siteId: 2 }],
      { allowed: true, siteIds: [2], suppressSmallCells: false },
    ],
    ["clinician elsewhere", [{ role: "clinician", programmeId: null, siteId: 3 }], { allowed: false }],
    [
      "viewer of all",
      [{ role: "viewer", programmeId: null, siteId: null }],
      { allowed: true, siteIds: null, suppressSmallCells: true },
    ],
    ["viewer of another programme", [{ role: "viewer", programmeId: 8, siteId: null }], { allowed: false }],
  ])("%s", (_, grants, expected) => expect(analysisScope(principal(grants), programme)).toEqual(expected));
});
