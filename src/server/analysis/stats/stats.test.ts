import { describe, expect, it } from "vitest";
import { chiSquare, fisherExact, pearson, spearman } from "./association.ts";
import { kruskalWallis, oneWayAnova } from "./compare-many.ts";
import { mannWhitney, pairedTTest, welchTTest, wilcoxonSignedRank } from "./compare-two.ts";
import { describeCategories, describeNumbers } from "./descriptive.ts";
import type { Outcome, TestResult } from "./result.ts";

/*
 * Reference values computed by an independent implementation: SciPy 1.17.1 (NumPy for the
 * descriptive figures), Python 3.11, on 2026-12-03, by this script (the data sets are the ones below):
 *
 *   a, b = np.array(sets[k]["a"]), np.array(sets[k]["b"]); n = min(len(a), len(b)); pa, pb = a[:n], b[:n]
 *   welch:       st.ttest_ind(a, b, equal_var=False) → statistic, df, pvalue, confidence_interval(0.95)
 *   paired:      st.ttest_rel(pa, pb) → statistic, df, pvalue, confidence_interval(0.95)
 *   mannWhitney: st.mannwhitneyu(a, b, alternative="two-sided", use_continuity=True, method="asymptotic")
 *   wilcoxon:    st.wilcoxon(pa, pb, zero_method="wilcox", correction=False, method="asymptotic")
 *   pearson:     st.pearsonr(pa, pb) → statistic, pvalue, confidence_interval(0.95)
 *   spearman:    st.spearmanr(pa, pb)
 *   anova:       st.f_oneway(*groups3[k]);  kruskal: st.kruskal(*groups3[k])
 *   chi2:        st.chi2_contingency(tables[k], correction=False) → statistic, dof, pvalue, and
 *                st.contingency.association(tables[k], method="cramer", correction=False)
 *   fisher:      st.fisher_exact(tables["skewed"], alternative="two-sided")
 *   describe:    np.mean(a), np.std(a, ddof=1), np.median(a), np.percentile(a, 25), np.percentile(a, 75)
 *
 * Three data sets: IMRS-like totals of two groups of unequal size (no ties), Likert answers (many
 * ties, zero differences in the pairs), and a skewed small sample with unequal groups and ties.
 * Spearman's confidence interval (Bonett & Wright) has no SciPy counterpart and is not checked here.
 */
const sets: Record<string, { a: number[]; b: number[] }> = {
  imrs: { a: [52, 47, 61, 55, 49, 58, 63, 44, 57, 51, 60, 48], b: [45, 50, 41, 39, 53, 46, 42, 48.5, 40] },
  likert: {
    a: [3, 4, 4, 5, 2, 3, 4, 4, 5, 3, 3, 4, 2, 5, 4],
    b: [2, 3, 3, 4, 2, 2, 3, 3, 1, 2, 4, 3, 2, 3, 3],
  },
  skewed: { a: [1, 1, 2, 2, 2, 3, 5, 8, 13, 21], b: [2, 3, 3, 4, 6, 9, 9, 15] },
};
const groups3: Record<string, number[][]> = {
  imrs: [
    [52, 47, 61, 55, 49, 58],
    [45, 50, 41, 39, 53, 46, 42],
    [60, 62, 57, 66, 59],
  ],
  likert: [
    [3, 4, 4, 5, 2, 3, 4],
    [2, 3, 3, 4, 2, 2, 3, 3],
    [4, 5, 5, 4, 3, 5],
  ],
  skewed: [
    [1, 1, 2, 2, 2, 3, 5],
    [2, 3, 3, 4, 6, 9, 9, 15],
    [8, 13, 21, 3],
  ],
};
const tables: Record<string, number[][]> = {
  imrs: [
    [30, 20],
    [18, 32],
  ],
  likert: [
    [12, 8, 5],
    [6, 10, 14],
    [9, 9, 7],
  ],
  skewed: [
    [2, 7],
    [8, 3],
  ], // expected < 5 in two cells: Fisher
};

const reference = {
  imrs: {
    welch: [
      3.671386802566077, 18.91346448617467, 0.0016321836302912419, 3.7840338342426723, 13.827077276868442,
    ],
    paired: [2.581130897519611, 8.0, 0.032559010251164866, 0.9652457701241826, 17.14586534098693],
    mannWhitney: [93.0, 0.006217669063580896],
    wilcoxon: [6.0, 0.050612432239184685],
    pearson: [-0.7258764495306168, 0.026826513502245727, -0.9378759904381045, -0.11923383132281966],
    spearman: [-0.6, 0.08762282904140249],
    anova: [16.07837113171713, 0.00018582578676094988],
    kruskal: [11.47151211361738, 0.0032284405609212044],
    describe: [53.75, 6.136700327463522, 53.5, 48.75, 58.5],
    chi2: [5.76923076923077, 1, 0.01630917187775496, 0.2401922307076307],
  },
  likert: {
    welch: [
      3.0437979371753543, 27.154362416107375, 0.0051401038125789, 0.32607717981718687, 1.6739228201828131,
    ],
    paired: [3.6228441865473595, 14.0, 0.00277006296776684, 0.4079826298127861, 1.592017370187214],
    mannWhitney: [174.0, 0.008308212635347563],
    wilcoxon: [6.0, 0.0030081166244629192],
    pearson: [0.2988071523335984, 0.27932503559374616, -0.2520339786487367, 0.7034018252097254],
    spearman: [0.39591677325024277, 0.14405927633598406],
    anova: [6.233396584440225, 0.008770247460005638],
    kruskal: [8.185710953380662, 0.01669150324616909],
    describe: [3.6666666666666665, 0.9759000729485332, 4.0, 3.0, 4.0],
    chi2: [6.4942070275403605, 4, 0.165155753562102, 0.20146660746170134],
  },
  skewed: {
    welch: [-0.22196332567319313, 15.633629643079471, 0.8272159366731, -6.077130953404828, 4.927130953404828],
    paired: [-4.216691570992364, 7.0, 0.0039527890991359615, -5.267622857224408, -1.4823771427755918],
    mannWhitney: [27.5, 0.28231150644581127],
    wilcoxon: [0.0, 0.011412036386001651],
    pearson: [0.9495072076832813, 0.0003097666813094629, 0.739886305122154, 0.9910658679868292],
    spearman: [0.9380510627004297, 0.0005670767417099989],
    anova: [5.128433581888265, 0.01901150967996574],
    kruskal: [8.610864426271398, 0.013495051542583897],
    describe: [5.8, 6.545566777937908, 2.5, 2.0, 7.25],
    fisher: [0.10714285714285714, 0.06977851869492735],
  },
} as const;

const close = (actual: number, expected: number) =>
  expect(actual).toBeCloseTo(expected, 9 - Math.max(0, Math.ceil(Math.log10(Math.abs(expected) + 1e-12))));

function ok(o: Outcome): TestResult {
  if (!o.ok) throw new Error(`refused: ${o.reason} ${JSON.stringify(o.params)}`);
  return o;
}

describe.each(Object.keys(reference) as Array<keyof typeof reference>)("data set %s against SciPy", (k) => {
  const ref = reference[k] as Record<string, readonly number[]>;
  const { a, b } = sets[k]!;
  const n = Math.min(a.length, b.length);
  const [pa, pb] = [a.slice(0, n), b.slice(0, n)];

  it("Welch's t-test: t, df, p and the 95 % interval of the difference", () => {
    const r = ok(welchTTest(a, b));
    const [t, df, p, lo, hi] = ref.welch!;
    close(r.statistic, t!);
    close(r.df as number, df!);
    close(r.p, p!);
    close(r.estimate!.ci[0], lo!);
    close(r.estimate!.ci[1], hi!);
  });
  it("paired t-test", () => {
    const r = ok(pairedTTest(pa, pb));
    const [t, df, p, lo, hi] = ref.paired!;
    close(r.statistic, t!);
    close(r.df as number, df!);
    close(r.p, p!);
    close(r.estimate!.ci[0], lo!);
    close(r.estimate!.ci[1], hi!);
  });
  it("Mann-Whitney U", () => {
    const r = ok(mannWhitney(a, b));
    close(r.statistic, ref.mannWhitney![0]!);
    close(r.p, ref.mannWhitney![1]!);
  });
  it("Wilcoxon signed-rank", () => {
    const r = ok(wilcoxonSignedRank(pa, pb));
    close(r.statistic, ref.wilcoxon![0]!);
    close(r.p, ref.wilcoxon![1]!);
  });
  it("Pearson: r, p and Fisher's z interval", () => {
    const r = ok(pearson(pa, pb));
    const [rr, p, lo, hi] = ref.pearson!;
    close(r.statistic, rr!);
    close(r.p, p!);
    close(r.effect!.ci![0], lo!);
    close(r.effect!.ci![1], hi!);
  });
  it("Spearman", () => {
    const r = ok(spearman(pa, pb));
    close(r.statistic, ref.spearman![0]!);
    close(r.p, ref.spearman![1]!);
  });
  it("one-way ANOVA", () => {
    const r = ok(oneWayAnova(groups3[k]!));
    close(r.statistic, ref.anova![0]!);
    close(r.p, ref.anova![1]!);
  });
  it("Kruskal-Wallis", () => {
    const r = ok(kruskalWallis(groups3[k]!));
    close(r.statistic, ref.kruskal![0]!);
    close(r.p, ref.kruskal![1]!);
  });
  it("chi-square, or Fisher's exact test for a 2 × 2 table with small expected counts", () => {
    const r = ok(chiSquare(tables[k]!));
    if (ref.chi2) {
      const [x2, df, p, v] = ref.chi2;
      expect(r.test).toBe("chi_square");
      close(r.statistic, x2!);
      expect(r.df).toBe(df);
      close(r.p, p!);
      close(r.effect!.value, v!);
    } else {
      expect(r.test).toBe("fisher_exact");
      expect(r.notes).toContain("expected_below_5:2");
      close(r.effect!.value, ref.fisher![0]!);
      close(r.p, ref.fisher![1]!);
    }
  });
  it("descriptive figures", () => {
    const s = describeNumbers(a);
    const [m, sd, median, q1, q3] = ref.describe!;
    close(s.mean!, m!);
    close(s.sd!, sd!);
    close(s.median!, median!);
    close(s.q1!, q1!);
    close(s.q3!, q3!);
  });
});

describe("refusals say why", () => {
  it.each<[string, () => Outcome, string]>([
    ["Welch with one value in a group", () => welchTTest([1], [2, 3]), "too_few"],
    ["Welch with no spread at all", () => welchTTest([2, 2], [2, 2, 2]), "zero_variance"],
    ["paired with lengths that differ", () => pairedTTest([1, 2, 3], [1, 2]), "unequal_lengths"],
    ["paired with identical differences", () => pairedTTest([2, 3, 4], [1, 2, 3]), "zero_variance"],
    ["Mann-Whitney with every value tied", () => mannWhitney([4, 4, 4], [4, 4]), "all_ties"],
    ["Wilcoxon with every pair equal", () => wilcoxonSignedRank([1, 2, 3], [1, 2, 3]), "too_few"],
    ["ANOVA of one group", () => oneWayAnova([[1, 2, 3]]), "one_group"],
    ["ANOVA with a group of one", () => oneWayAnova([[1, 2], [3]]), "too_few"],
    [
      "ANOVA with no spread within groups",
      () =>
        oneWayAnova([
          [1, 1],
          [2, 2],
        ]),
      "zero_variance",
    ],
    [
      "Kruskal-Wallis with every value tied",
      () =>
        kruskalWallis([
          [1, 1],
          [1, 1],
        ]),
      "all_ties",
    ],
    [
      "chi-square of a 2 × 3 table with small expected counts",
      () =>
        chiSquare([
          [1, 2, 3],
          [2, 1, 30],
        ]),
      "small_expected",
    ],
    ["chi-square of one row", () => chiSquare([[1, 2]]), "one_group"],
    ["Pearson on three points", () => pearson([1, 2, 3], [2, 4, 5]), "too_few"],
    ["Pearson with a constant variable", () => pearson([1, 1, 1, 1], [1, 2, 3, 4]), "zero_variance"],
    ["Spearman with lengths that differ", () => spearman([1, 2, 3, 4], [1, 2, 3]), "unequal_lengths"],
  ])("%s → %s", (_label, run, reason) => {
    const o = run();
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.reason).toBe(reason);
  });
});

describe("descriptive tables", () => {
  it("an empty group has n 0 and no figures; one value has no SD", () => {
    expect(describeNumbers([])).toMatchObject({ n: 0, mean: null, median: null });
    expect(describeNumbers([7])).toMatchObject({ n: 1, mean: 7, sd: null, median: 7, q1: 7, q3: 7 });
  });
  it("categories: counts and percentages of the known values, most frequent first", () => {
    expect(describeCategories(["F", "M", "F", null, "X", "F"])).toEqual({
      n: 5,
      missing: 1,
      categories: [
        { value: "F", count: 3, percent: 60 },
        { value: "M", count: 1, percent: 20 },
        { value: "X", count: 1, percent: 20 },
      ],
    });
  });
});

describe("Fisher's exact test on its own", () => {
  // st.fisher_exact(table, alternative="two-sided"), SciPy 1.17.1: (odds ratio, p)
  it.each<[[[number, number], [number, number]], number, number]>([
    [
      [
        [3, 1],
        [1, 3],
      ],
      9,
      0.48571428571428565,
    ],
    [
      [
        [0, 5],
        [6, 1],
      ],
      0,
      0.01515151515151515,
    ],
    [
      [
        [10, 0],
        [0, 10],
      ],
      Infinity,
      1.082508822446903e-5,
    ],
  ])("%j → odds ratio %d, p %d", (table, oddsRatio, p) => {
    const r = ok(fisherExact(table));
    expect(r.effect!.value).toBe(oddsRatio);
    close(r.p, p);
  });
});
