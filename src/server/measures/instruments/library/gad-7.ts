import type { InstrumentDefinition } from "../definition.ts";
import { twoWeekFrequencyOptions as options, phqFamilyLicence } from "./phq-family.ts";

/** Generalized Anxiety Disorder-7: anxiety severity over the last two weeks. */
export const GAD7: InstrumentDefinition = {
  code: "GAD-7",
  name: "Generalized Anxiety Disorder-7",
  version: "1",
  respondents: ["patient"],
  instructions: "Over the last 2 weeks, how often have you been bothered by the following problems?",
  source:
    "Spitzer RL, Kroenke K, Williams JB, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092–1097.",
  licence: phqFamilyLicence,
  loinc: { panel: "69737-5", total: "70274-6" },
  items: [
    { id: "1", text: "Feeling nervous, anxious, or on edge", options, loinc: "69725-0" },
    { id: "2", text: "Not being able to stop or control worrying", options, loinc: "68509-9" },
    { id: "3", text: "Worrying too much about different things", options, loinc: "69733-4" },
    { id: "4", text: "Trouble relaxing", options, loinc: "69734-2" },
    { id: "5", text: "Being so restless that it is hard to sit still", options, loinc: "69735-9" },
    { id: "6", text: "Becoming easily annoyed or irritable", options, loinc: "69689-8" },
    { id: "7", text: "Feeling afraid, as if something awful might happen", options, loinc: "69736-7" },
  ],
  total: { method: "sum", maxMissing: 1, decimals: 0, range: { min: 0, max: 21 } },
  bands: [
    { min: 0, code: "minimal", label: "Minimal", level: 0 },
    { min: 5, code: "mild", label: "Mild", level: 1 },
    { min: 10, code: "moderate", label: "Moderate", level: 2 },
    { min: 15, code: "severe", label: "Severe", level: 3 },
  ],
  higherIsBetter: false,
  reliableChange: {
    kind: "points",
    points: 4,
    source:
      "NHS Talking Therapies (IAPT) Manual: reliable change on the GAD-7 is a change of 4 points or more.",
  },
  notes: [
    "With one item missing the total is prorated (mean × 7, rounded); with two or more it is not scored.",
  ],
};
