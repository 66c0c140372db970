import type { Flag, InstrumentDefinition, Item } from "../definition.ts";
import { SCORE_ONLY } from "./bsl-23.ts";

/**
 * SCID-5-PD as a diagnosis record: for each personality disorder, the number of its DSM-5
 * criteria rated at threshold (3) in the interview. No total. A disorder is recorded when the
 * count reaches its DSM-5 threshold (flags). Antisocial PD also needs age ≥ 18 and conduct
 * disorder before 15, which the interviewer checks; only criterion A is counted here.
 */
const DISORDERS: Array<{ id: string; name: string; criteria: number; threshold: number }> = [
  { id: "AVPD", name: "Avoidant", criteria: 7, threshold: 4 },
  { id: "DPD", name: "Dependent", criteria: 8, threshold: 5 },
  { id: "OCPD", name: "Obsessive-compulsive", criteria: 8, threshold: 4 },
  { id: "PPD", name: "Paranoid", criteria: 7, threshold: 4 },
  { id: "STPD", name: "Schizotypal", criteria: 9, threshold: 5 },
  { id: "SZPD", name: "Schizoid", criteria: 7, threshold: 4 },
  { id: "HPD", name: "Histrionic", criteria: 8, threshold: 5 },
  { id: "NPD", name: "Narcissistic", criteria: 9, threshold: 5 },
  { id: "BPD", name: "Borderline", criteria: 9, threshold: 5 },
  { id: "ASPD", name: "Antisocial (criterion A)", criteria: 7, threshold: 3 },
];

const items: Item[] = DISORDERS.map((d) => ({
  id: d.id,
  text: `${d.name} personality disorder: number of criteria at threshold (0–${d.criteria})`,
  options: Array.from({ length: d.criteria + 1 }, (_, i) => ({ value: i, label: String(i) })),
  unscored: true,
}));

const flags: Flag[] = DISORDERS.map((d) => ({
  code: `diagnosis_${d.id}`,
  message: `${d.name} personality disorder: ${d.threshold} or more of ${d.criteria} criteria at threshold.`,
  when: { item: d.id, atLeast: d.threshold },
}));

export const SCID5PD: InstrumentDefinition = {
  code: "SCID-5-PD",
  name: "Structured Clinical Interview for DSM-5 Personality Disorders — diagnosis record",
  version: "1",
  respondents: ["clinician"],
  source:
    "First MB, Williams JBW, Benjamin LS, Spitzer RL. SCID-5-PD: Structured Clinical Interview for DSM-5 Personality Disorders. Arlington, VA: American Psychiatric Association Publishing, 2016. Thresholds: DSM-5 Section II.",
  licence: {
    textsIncluded: false,
    notice: `© American Psychiatric Association Publishing. ${SCORE_ONLY} Praxis records only the number of criteria met per disorder (the disorder names and DSM-5 thresholds are not the interview's wording).`,
  },
  items,
  total: null,
  flags,
  higherIsBetter: false,
  notes: ["No total: the record is the criteria count per disorder and the disorders reaching threshold."],
};
