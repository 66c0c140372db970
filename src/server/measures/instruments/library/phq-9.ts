import type { InstrumentDefinition } from "../definition.ts";
import { twoWeekFrequencyOptions as options, phqFamilyLicence } from "./phq-family.ts";

/** Patient Health Questionnaire-9: depression severity over the last two weeks. */
export const PHQ9: InstrumentDefinition = {
  code: "PHQ-9",
  name: "Patient Health Questionnaire-9",
  version: "1",
  respondents: ["patient"],
  instructions: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
  source: "Kroenke K, Spitzer RL, Williams JB. The PHQ-9. J Gen Intern Med 2001;16:606–613.",
  licence: phqFamilyLicence,
  loinc: { panel: "44249-1", total: "44261-6" },
  items: [
    { id: "1", text: "Little interest or pleasure in doing things", options, loinc: "44250-9" },
    { id: "2", text: "Feeling down, depressed, or hopeless", options, loinc: "44255-8" },
    { id: "3", text: "Trouble falling or staying asleep, or sleeping too much", options, loinc: "44259-0" },
    { id: "4", text: "Feeling tired or having little energy", options, loinc: "44254-1" },
    { id: "5", text: "Poor appetite or overeating", options, loinc: "44251-7" },
    {
      id: "6",
      text: "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
      options,
      loinc: "44258-2",
    },
    {
      id: "7",
      text: "Trouble concentrating on things, such as reading the newspaper or watching television",
      options,
      loinc: "44252-5",
    },
    {
      id: "8",
      text: "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
      options,
      loinc: "44253-3",
    },
    {
      id: "9",
      text: "Thoughts that you would be better off dead or of hurting yourself in some way",
      options,
      loinc: "44260-8",
    },
  ],
  total: { method: "sum", maxMissing: 2, decimals: 0, range: { min: 0, max: 27 } },
  bands: [
    { min: 0, code: "minimal", label: "None–minimal", level: 0 },
    { min: 5, code: "mild", label: "Mild", level: 1 },
    { min: 10, code: "moderate", label: "Moderate", level: 2 },
    { min: 15, code: "moderately_severe", label: "Moderately severe", level: 3 },
    { min: 20, code: "severe", label: "Severe", level: 4 },
  ],
  flags: [
    {
      code: "self_harm_thoughts",
      message:
        "Item 9 (thoughts of being better off dead or of self-harm) is above 0: assess suicide risk today.",
      when: { item: "9", atLeast: 1 },
    },
  ],
  higherIsBetter: false,
  reliableChange: {
    kind: "points",
    points: 6,
    source:
      "NHS Talking Therapies (IAPT) Manual: reliable change on the PHQ-9 is a change of 6 points or more.",
  },
  notes: [
    "With one or two items missing the total is prorated (mean of the answered items × 9, rounded); with three or more it is not scored.",
  ],
};
