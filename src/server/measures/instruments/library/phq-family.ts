import { type InstrumentDefinition, likert } from "../definition.ts";

/**
 * What the PHQ family of Spitzer, Williams and Kroenke (PHQ-9, GAD-7) has in common: the same four
 * answers on how often over the last two weeks, and the same licence.
 */
export const twoWeekFrequencyOptions = likert(0, [
  "Not at all",
  "Several days",
  "More than half the days",
  "Nearly every day",
]);

export const phqFamilyLicence: InstrumentDefinition["licence"] = {
  textsIncluded: true,
  notice:
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
};
