import type { IndicatorDefinition, IndicatorRecord } from "../indicators/public.ts";
import { fhirId, measureUrl, SYSTEMS } from "./code-systems.ts";
import type { Period, Resource } from "./resources.ts";

const SCORING = "http://terminology.hl7.org/CodeSystem/measure-scoring";
const POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";
const IMPROVEMENT = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";

/**
 * An indicator as a Measure: a ratio is a proportion (numerator over denominator), a count or a
 * median a continuous variable. Its canonical URL is Praxis's (code-systems.ts `measureUrl`).
 */
export function measure(d: IndicatorDefinition): Resource {
  const proportion = d.kind === "ratio";
  return {
    resourceType: "Measure",
    id: fhirId(d.id),
    url: measureUrl(d.id),
    name: d.id,
    title: d.label,
    status: "active",
    ...(d.description ? { description: d.description } : {}),
    scoring: { coding: [{ system: SCORING, code: proportion ? "proportion" : "continuous-variable" }] },
    ...(d.direction
      ? {
          improvementNotation: {
            coding: [
              { system: IMPROVEMENT, code: d.direction === "higher_is_better" ? "increase" : "decrease" },
            ],
          },
        }
      : {}),
    group: [
      {
        population: proportion
          ? [population(d, "denominator"), population(d, "numerator")]
          : [population(d, "measure-population")],
      },
    ],
  };
}

/**
 * A population of a Measure. Its criteria are Praxis's indicator definition (docs/indicators.md),
 * not CQL: the expression names the definition, so a receiver knows where the logic lives.
 */
const population = (d: IndicatorDefinition, code: string) => ({
  code: { coding: [{ system: POPULATION, code }] },
  criteria: {
    language: "text/plain",
    description: `The ${code} of the Praxis indicator ${d.id} (its definition: docs/indicators.md).`,
    expression: `${d.id}.${code}`,
  },
});

/** The counts and score of one record (a whole count only: FHIR's population count is an integer). */
function figures(r: IndicatorRecord) {
  const population: unknown[] = [];
  for (const [code, n] of [
    ["denominator", r.denominator],
    ["numerator", r.numerator],
  ] as const) {
    if (n !== null && Number.isInteger(n))
      population.push({ code: { coding: [{ system: POPULATION, code }] }, count: n });
  }
  return {
    ...(population.length ? { population } : {}),
    ...(r.value !== null ? { measureScore: { value: r.value } } : {}),
  };
}

/**
 * One indicator's values as a summary MeasureReport for the period: the programme's value, then a
 * stratifier by site (stratum value: the site's code). Values are computed as of the period's last
 * day (INDICATORS.md's reference date R).
 */
export function measureReport(d: IndicatorDefinition, records: IndicatorRecord[], period: Period): Resource {
  const total = records.find((r) => r.site === null);
  const sites = records.filter((r) => r.site !== null);
  return {
    resourceType: "MeasureReport",
    id: fhirId(d.id),
    status: "complete",
    type: "summary",
    measure: measureUrl(d.id),
    period: { start: period.from, end: period.to },
    group: [
      {
        ...(total ? figures(total) : {}),
        ...(sites.length
          ? {
              stratifier: [
                {
                  code: [{ coding: [{ system: SYSTEMS.stratifier, code: "site" }] }],
                  stratum: sites.map((r) => ({ value: { text: r.site }, ...figures(r) })),
                },
              ],
            }
          : {}),
      },
    ],
  };
}
