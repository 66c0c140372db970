import { barsChart, funnelChart, groupedBarsChart, lineChart, regionMap } from "./charts.ts";
import { type Formatter, formatter } from "./format.ts";
import type { ReportData } from "./gather.ts";
import type { ReportLanguage } from "./request.ts";
import { fill, type ReportTexts, TEXTS } from "./texts.ts";

/**
 * The monitoring report as one self-contained HTML page, shaped like the Lombardy ImpleMENTAL
 * report: programme and sites, enrolment against target, the first months' intensity, assessments,
 * psychosocial interventions, groups, treatment plans, case managers, families, the training →
 * implementation funnel, planning and fidelity. Every figure is an SVG drawn on the server
 * (charts.ts); every number comes from `data` (gather.ts). Printed to PDF by pdf.ts.
 */

type Indicator = ReportData["values"]["indicators"][number];

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const EARLY = [
  "early_assessment",
  "early_psychoeducation",
  "early_skills_training",
  "early_psychotherapy",
  "early_family_intervention",
  "early_job_placement",
  "early_social_support",
] as const;

const PLANS = [
  ["treatment_plan", "plan_treatment"],
  ["plan_signed", "plan_signed"],
  ["plan_shared_social", "plan_social"],
  ["plan_shared_work", "plan_work"],
  ["plan_integrated_actions", "plan_actions"],
] as const;

interface Ctx {
  data: ReportData;
  t: ReportTexts;
  f: Formatter;
  lang: ReportLanguage;
  rec(id: string, site: string | null): Indicator | undefined;
}

function table(head: string[], rows: string[][], numericFrom = 1): string {
  const th = head.map((h, i) => `<th${i >= numericFrom ? ' class="num"' : ""}>${esc(h)}</th>`).join("");
  const body = rows
    .map(
      (r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="num"' : ""}>${c}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const figure = (caption: string, svg: string) =>
  `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;

/** A cell of one indicator at one site (or the programme row, site null), formatted by kind. */
function cellText(c: Ctx, id: string, site: string | null): string {
  const r = c.rec(id, site);
  if (!r) return "–";
  const star = r.smallSite && !r.suppressed ? "*" : "";
  const d = c.data.values.definitions.find((x) => x.id === id);
  if (r.suppressed) return "&lt;5";
  if (d?.kind === "ratio") return esc(c.f.ratio(r)) + star;
  if (d?.kind === "median") return esc(c.f.d(r.value)) + star;
  return esc(c.f.n(r.value)) + star;
}

/** A table of some indicators, one row per site and the programme's row last. */
function siteTable(c: Ctx, columns: Array<[id: string, header: string]>): string {
  const rows = c.data.sites.map((s) => [
    esc(`${s.code} ${s.name}`),
    ...columns.map(([id]) => cellText(c, id, s.code)),
  ]);
  rows.push([
    `<strong>${esc(c.t.programmeRow)}</strong>`,
    ...columns.map(([id]) => `<strong>${cellText(c, id, null)}</strong>`),
  ]);
  return table([c.t.site, ...columns.map(([, h]) => h)], rows);
}

const siteValues = (c: Ctx, id: string) => c.data.sites.map((s) => c.rec(id, s.code)?.value ?? null);
const codes = (c: Ctx) => c.data.sites.map((s) => s.code);
const section = (title: string, body: string) => `<section><h2>${esc(title)}</h2>\n${body}\n</section>`;
const p = (text: string) => `<p>${esc(text)}</p>`;
const share = (c: Ctx, id: string) => {
  const r = c.rec(id, null);
  return r ? c.f.ratio(r) : "–";
};

function programmeSection(c: Ctx): string {
  const { data, t, f } = c;
  const intro = fill(t.programmeIntro, {
    programme: data.programme.name,
    code: data.programme.code,
    sites: f.n(data.sites.length),
  });
  const start = data.programme.implementationStart;
  const phase = start ? fill(t.implementationFrom, { start: f.day(start) }) : t.noImplementationStart;
  const rows = data.sites.map((s) => [
    esc(s.code),
    esc(s.name),
    esc(s.areaName ?? "–"),
    esc(f.n(c.rec("enrolled", s.code)?.target ?? null)),
  ]);
  return section(
    t.s_programme,
    `${p(`${intro} ${phase}`)}
${table([t.site, "", t.area, t.target], rows, 3)}
${mapSection(c)}`,
  );
}

/**
 * Patients enrolled against target per area: the sum over the area's sites of the programme.
 * An area gets no figure when a site's count is withheld (summing the others would reveal it) or
 * a site has no target. Pure; exported for its table of cases.
 */
export function enrolmentByArea(
  sites: ReadonlyArray<{ code: string; name: string; areaCode: string | null; areaName: string | null }>,
  rec: (site: string) => { value: number | null; suppressed: boolean; target?: number | null } | undefined,
) {
  const areas = new Map<
    string,
    { code: string; name: string; enrolled: number; target: number; complete: boolean; sites: string[] }
  >();
  for (const s of sites) {
    if (!s.areaCode) continue;
    const a = areas.get(s.areaCode) ?? {
      code: s.areaCode,
      name: s.areaName ?? s.areaCode,
      enrolled: 0,
      target: 0,
      complete: true,
      sites: [],
    };
    areas.set(s.areaCode, a);
    a.sites.push(s.name);
    const r = rec(s.code);
    if (!r || r.suppressed || r.value === null || r.target === null || r.target === undefined)
      a.complete = false;
    else {
      a.enrolled += r.value;
      a.target += r.target;
    }
  }
  return [...areas.values()].map((a) => ({
    code: a.code,
    name: a.name,
    sites: a.sites,
    enrolled: a.complete ? a.enrolled : null,
    target: a.complete ? a.target : null,
    percent: a.complete && a.target > 0 ? (a.enrolled / a.target) * 100 : null,
  }));
}

function mapSection(c: Ctx): string {
  const { data, t, f } = c;
  const b = data.boundaries;
  if (!b) return `<h3>${esc(t.mapTitle)}</h3>\n${p(t.noBoundaries)}`;
  const areas = enrolmentByArea(data.sites, (code) => c.rec("enrolled", code));
  const svg = regionMap({
    mapName: `region-${data.programme.regionId}-v${b.version}`,
    geoJson: b.collection,
    property: b.property,
    areas: areas.map((a) => ({ code: a.code, name: a.name, value: a.percent, sites: a.sites })),
    max: 100,
    legendTitle: t.mapLegend,
    noValue: t.mapNoValue,
  });
  const rows = areas.map((a) => [
    esc(a.name),
    esc(a.sites.join(", ")),
    esc(f.n(a.enrolled)),
    esc(f.n(a.target)),
    esc(a.percent === null ? t.mapNoValue : `${f.d(Math.round(a.percent * 10) / 10)}%`),
  ]);
  return `<h3>${esc(t.mapTitle)}</h3>
${p(fill(t.mapText, { to: f.day(data.period.to) }))}
<figure class="map">${svg}<figcaption>${esc(t.mapTitle)}. ${esc(t.mapNoValueNote)}</figcaption></figure>
${table([t.area, t.site, t.enrolled, t.target, t.mapLegend], rows, 2)}`;
}

function enrolmentSection(c: Ctx): string {
  const { data, t, f } = c;
  const total = c.rec("enrolled", null);
  const text = fill(t.enrolmentText, {
    enrolled: f.n(total?.value ?? null),
    to: f.day(data.period.to),
    target: f.n(total?.target ?? null),
    sitesAtTarget: f.n(c.rec("enrolment_target_met", null)?.value ?? null),
  });
  const programmeSeries = data.series.series.find((s) => s.site === null)?.points ?? [];
  return section(
    t.s_enrolment,
    `${p(text)}
${figure(t.enrolmentTrend, lineChart({ name: t.enrolled, categories: programmeSeries.map((x) => x.asOf.slice(0, 7)), values: programmeSeries.map((x) => x.value) }))}
${figure(t.enrolmentBySite, barsChart({ categories: codes(c), values: siteValues(c, "enrolled"), targets: data.sites.map((s) => c.rec("enrolled", s.code)?.target ?? null), targetName: t.target }))}
${siteTable(c, [["enrolled", t.enrolled]])}`,
  );
}

function earlySection(c: Ctx): string {
  const { t } = c;
  return section(
    t.s_early,
    `${p(fill(t.earlyText, { intensive: share(c, "intensive_start") }))}
${figure(t.early_intensive, barsChart({ categories: codes(c), values: siteValues(c, "intensive_start"), percent: true }))}
${figure(t.earlyTypes, barsChart({ categories: EARLY.map((id) => t[id]), values: EARLY.map((id) => c.rec(id, null)?.value ?? null), percent: true }))}
${siteTable(c, [["intensive_start", t.early_intensive], ...EARLY.slice(0, 4).map((id) => [id, t[id]] as [string, string])])}`,
  );
}

function ratioSection(c: Ctx, title: string, template: string, id: string): string {
  return section(
    title,
    `${p(fill(template, { value: share(c, id) }))}
${figure(title, barsChart({ categories: codes(c), values: siteValues(c, id), percent: true }))}
${siteTable(c, [[id, title.replace(/^\d+\. /, "")]])}`,
  );
}

function psychosocialSection(c: Ctx): string {
  const { t, f } = c;
  return section(
    t.s_psychosocial,
    `${p(fill(t.psychosocialText, { psychosocial: f.n(c.rec("psychosocial_interventions", null)?.value ?? null), all: f.n(c.rec("interventions", null)?.value ?? null), median: f.d(c.rec("psychosocial_per_patient", null)?.value ?? null) }))}
${figure(t.median, barsChart({ categories: codes(c), values: siteValues(c, "psychosocial_per_patient") }))}
${siteTable(c, [
  ["interventions", t.interventions],
  ["psychosocial_interventions", t.psychosocial],
  ["psychosocial_per_patient", t.median],
])}`,
  );
}

function groupsSection(c: Ctx): string {
  const { t, f } = c;
  return section(
    t.s_groups,
    `${p(fill(t.groupsText, { dbt: f.n(c.rec("dbt_skills_groups", null)?.value ?? null), fc: f.n(c.rec("family_connections_groups", null)?.value ?? null) }))}
${figure(
  t.s_groups.replace(/^\d+\. /, ""),
  groupedBarsChart({
    categories: codes(c),
    series: [
      { name: t.dbt, values: siteValues(c, "dbt_skills_groups") },
      { name: t.fc, values: siteValues(c, "family_connections_groups") },
    ],
  }),
)}
${siteTable(c, [
  ["dbt_skills_groups", t.dbt],
  ["family_connections_groups", t.fc],
])}`,
  );
}

function plansSection(c: Ctx): string {
  const { t } = c;
  return section(
    t.s_plans,
    `${p(fill(t.plansText, { plan: share(c, "treatment_plan"), signed: share(c, "plan_signed") }))}
${figure(t.s_plans.replace(/^\d+\. /, ""), barsChart({ categories: PLANS.map(([, k]) => t[k]), values: PLANS.map(([id]) => c.rec(id, null)?.value ?? null), percent: true }))}
${siteTable(
  c,
  PLANS.map(([id, k]) => [id, t[k]]),
)}`,
  );
}

function funnelSection(c: Ctx): string {
  const { t, f, data } = c;
  const total = data.funnel.programme;
  const stages = [
    { name: t.professionals, value: total.professionals },
    { name: t.trained, value: total.trained },
    { name: t.inTeam, value: total.trainedInTeam },
    { name: t.delivering, value: total.delivering },
  ];
  const rows = data.funnel.sites.map((s) => [
    esc(`${s.siteCode} ${s.siteName}`),
    esc(f.n(s.professionals)),
    esc(f.n(s.trained)),
    esc(f.n(s.trainedInTeam)),
    esc(f.n(s.delivering)),
  ]);
  rows.push([
    `<strong>${esc(t.programmeRow)}</strong>`,
    ...stages.map((s) => `<strong>${esc(f.n(s.value))}</strong>`),
  ]);
  return section(
    t.s_funnel,
    `${p(fill(t.funnelText, { professionals: f.n(total.professionals), trained: f.n(total.trained), inTeam: f.n(total.trainedInTeam), delivering: f.n(total.delivering) }))}
${figure(t.s_funnel.replace(/^\d+\. /, ""), funnelChart({ stages }))}
${table([t.site, ...stages.map((s) => s.name)], rows)}`,
  );
}

function planningSection(c: Ctx): string {
  const { t, f, data } = c;
  const { sana, swot, progress, roadmap, round } = data.planning;
  const full = data.audience.sitePlanning;
  const parts: string[] = [];
  if (!full) parts.push(p(t.planningSitesHidden));
  const withSana = sana.columns.filter((col) => col.siteId !== null && col.version > 0).length;
  const regionSana = (sana.columns.find((col) => col.siteId === null)?.version ?? 0) > 0;
  parts.push(
    p(
      fill(t.sanaText, {
        withSana: f.n(withSana),
        sites: f.n(sana.columns.length - 1),
        region: regionSana ? t.yes : t.no,
      }),
    ),
  );
  parts.push(p(fill(t.swotText, { withSwot: f.n(swot.sitesWithSwot), sites: f.n(swot.sitesInProgramme) })));
  const factors = swot.factors.slice(0, 10);
  parts.push(
    factors.length
      ? table(
          [t.factor, t.quadrant, t.sitesNaming, t.inRegional],
          factors.map((x) => [
            esc(x.label),
            esc(t[`q_${x.quadrant}` as const]),
            esc(full ? `${f.n(x.siteCount)} (${x.sites.map((s) => s.code).join(", ")})` : f.n(x.siteCount)),
            esc(x.inRegional ? t.yes : t.no),
          ]),
          4,
        )
      : p(t.noFactors),
  );
  if (progress.activities.length === 0) parts.push(p(t.noPlan));
  else {
    const keys = ["planned", "in_progress", "done", "delayed", "dropped", "missing", "overdue"] as const;
    const sums = keys.map((k) => progress.activities.reduce((n, a) => n + (a.counts[k] ?? 0), 0));
    parts.push(
      p(fill(t.progressText, { activities: f.n(progress.activities.length), to: f.day(data.period.to) })),
    );
    parts.push(
      figure(
        t.progressText.split(":")[0]!,
        barsChart({ categories: keys.map((k) => t[`status_${k}`]), values: sums }),
      ),
    );
    parts.push(
      table(
        [t.status, t.count],
        keys.map((k, i) => [esc(t[`status_${k}`]), esc(f.n(sums[i]!))]),
      ),
    );
  }
  parts.push(p(fill(t.roadmapText, { compiled: f.n(roadmap.compiled), expected: f.n(roadmap.expected) })));
  if (full && roadmap.missing.length)
    parts.push(p(fill(t.roadmapMissing, { sites: roadmap.missing.join(", ") })));
  parts.push(
    p(
      round
        ? fill(t.roundText, {
            label: round.label,
            title: round.title,
            opens: f.day(round.opensOn),
            closes: f.day(round.closesOn),
            submitted: f.n(round.submitted.length),
            asked: f.n(round.asked),
          })
        : fill(t.noRound, { to: f.day(data.period.to) }),
    ),
  );
  return section(t.s_planning, parts.join("\n"));
}

function fidelitySection(c: Ctx): string {
  const { t, f, data } = c;
  if (data.fidelity.length === 0) return section(t.s_fidelity, p(t.noFidelity));
  const parts = data.fidelity.map((scale) => {
    const reviewed = scale.sites.filter((s) => s.reviewId !== null);
    return `${p(fill(t.fidelityText, { scale: scale.scale, min: f.d(scale.range.min), max: f.d(scale.range.max), reviewed: f.n(reviewed.length), sites: f.n(scale.sites.length) }))}
${figure(`${t.overall} — ${scale.scale}`, barsChart({ categories: scale.sites.map((s) => s.siteCode), values: scale.sites.map((s) => s.overall) }))}
${table(
  [t.site, t.reviewDate, t.overall, t.band],
  scale.sites.map((s) => [
    esc(`${s.siteCode} ${s.siteName}`),
    esc(s.reviewDate ? f.day(s.reviewDate) : "–"),
    esc(f.d(s.overall)),
    esc(s.band ?? "–"),
  ]),
)}`;
  });
  return section(t.s_fidelity, parts.join("\n"));
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a; max-width: 760px; margin: 0 auto; padding: 12px; }
h1 { font-size: 20pt; margin: 0 0 4px; } h2 { font-size: 13pt; margin: 18px 0 6px; border-bottom: 1px solid #ccc; }
.subtitle { font-size: 12pt; margin: 0 0 8px; } .note { color: #555; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 9pt; break-inside: auto; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: left; } .num { text-align: right; }
figure { margin: 6px 0; break-inside: avoid; } figcaption { font-size: 9pt; color: #444; }
svg { max-width: 100%; height: auto; } section { break-inside: auto; }
.empty { border: 1px solid #f08c00; padding: 8px; background: #fff8e6; }`;

export function renderReportHtml(
  data: ReportData,
  lang: ReportLanguage,
  today: string,
  texts: ReportTexts = TEXTS[lang],
): string {
  const t = texts;
  const f = formatter(lang);
  const index = new Map(data.values.indicators.map((r) => [`${r.id}|${r.site ?? ""}`, r]));
  const c: Ctx = { data, t, f, lang, rec: (id, site) => index.get(`${id}|${site ?? ""}`) };
  const enrolled = c.rec("enrolled", null);
  const noPatients = !enrolled?.suppressed && (enrolled?.value ?? 0) === 0;
  const care = noPatients
    ? `<p class="empty">${esc(fill(t.noData, { to: f.day(data.period.to) }))}</p>`
    : [
        enrolmentSection(c),
        earlySection(c),
        ratioSection(c, t.s_assessment, t.assessmentText, "structured_assessment"),
        psychosocialSection(c),
        groupsSection(c),
        plansSection(c),
        ratioSection(c, t.s_case, t.caseText, "case_manager"),
        ratioSection(c, t.s_family, t.familyText, "family_involved"),
      ].join("\n");
  const title = `${t.title} — ${data.programme.code}`;
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
<header>
<h1>${esc(t.title)}</h1>
<p class="subtitle">${esc(fill(t.subtitle, { programme: data.programme.name, from: f.day(data.period.from), to: f.day(data.period.to) }))}</p>
<p class="note">${esc(fill(t.generated, { today: f.day(today), to: f.day(data.period.to) }))}</p>
${data.audience.suppress ? `<p class="note">${esc(t.suppressedNote)}</p>` : ""}
<p class="note">${esc(t.siteNote)}</p>
</header>
${programmeSection(c)}
${care}
${funnelSection(c)}
${planningSection(c)}
${fidelitySection(c)}
</body>
</html>
`;
}
