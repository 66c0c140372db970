import type { InstrumentDefinition, ResponseOption } from "../definition.ts";

const frequency: ResponseOption[] = [
  { value: 0, label: "Never" },
  { value: 1, label: "Less than monthly" },
  { value: 2, label: "Monthly" },
  { value: 3, label: "Weekly" },
  { value: 4, label: "Daily or almost daily" },
];
const injury: ResponseOption[] = [
  { value: 0, label: "No" },
  { value: 2, label: "Yes, but not in the last year" },
  { value: 4, label: "Yes, during the last year" },
];

/** The first three AUDIT items: the consumption questions, shared with AUDIT-C. */
export const AUDIT_CONSUMPTION_ITEMS = [
  {
    id: "1",
    text: "How often do you have a drink containing alcohol?",
    options: [
      { value: 0, label: "Never" },
      { value: 1, label: "Monthly or less" },
      { value: 2, label: "2 to 4 times a month" },
      { value: 3, label: "2 to 3 times a week" },
      { value: 4, label: "4 or more times a week" },
    ],
  },
  {
    id: "2",
    text: "How many drinks containing alcohol do you have on a typical day when you are drinking?",
    options: [
      { value: 0, label: "1 or 2" },
      { value: 1, label: "3 or 4" },
      { value: 2, label: "5 or 6" },
      { value: 3, label: "7, 8, or 9" },
      { value: 4, label: "10 or more" },
    ],
  },
  { id: "3", text: "How often do you have six or more drinks on one occasion?", options: frequency },
];

export const AUDIT_SOURCE =
  "Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders Identification Test. Guidelines for Use in Primary Care, 2nd ed. World Health Organization, 2001.";
export const AUDIT_LICENCE = {
  textsIncluded: true,
  notice:
    "© World Health Organization 2001. The AUDIT is in the public domain and may be used without permission (WHO guidelines, 2001).",
};

/** Alcohol Use Disorders Identification Test (WHO), 10 items. */
export const AUDIT: InstrumentDefinition = {
  code: "AUDIT",
  name: "Alcohol Use Disorders Identification Test",
  version: "1",
  respondents: ["patient", "clinician"],
  source: AUDIT_SOURCE,
  licence: AUDIT_LICENCE,
  loinc: { total: "75624-7" },
  items: [
    ...AUDIT_CONSUMPTION_ITEMS,
    {
      id: "4",
      text: "How often during the last year have you found that you were not able to stop drinking once you had started?",
      options: frequency,
    },
    {
      id: "5",
      text: "How often during the last year have you failed to do what was normally expected from you because of drinking?",
      options: frequency,
    },
    {
      id: "6",
      text: "How often during the last year have you needed a first drink in the morning to get yourself going after a heavy drinking session?",
      options: frequency,
    },
    {
      id: "7",
      text: "How often during the last year have you had a feeling of guilt or remorse after drinking?",
      options: frequency,
    },
    {
      id: "8",
      text: "How often during the last year have you been unable to remember what happened the night before because you had been drinking?",
      options: frequency,
    },
    { id: "9", text: "Have you or someone else been injured as a result of your drinking?", options: injury },
    {
      id: "10",
      text: "Has a relative or friend or a doctor or another health worker been concerned about your drinking or suggested you cut down?",
      options: injury,
    },
  ],
  total: { method: "sum", maxMissing: 0, decimals: 0, range: { min: 0, max: 40 } },
  bands: [
    { min: 0, code: "zone_1", label: "Zone I — low risk", level: 0 },
    { min: 8, code: "zone_2", label: "Zone II — hazardous use", level: 1 },
    { min: 16, code: "zone_3", label: "Zone III — harmful use", level: 2 },
    { min: 20, code: "zone_4", label: "Zone IV — possible dependence", level: 3 },
  ],
  higherIsBetter: false,
  notes: [
    "Items carry different weights (items 9 and 10 score 0, 2 or 4), so a missing item is not prorated: every item must be answered for a total.",
  ],
};
