import type { InstrumentDefinition } from "../definition.ts";
import { AUDIT_CONSUMPTION_ITEMS, AUDIT_LICENCE, AUDIT_SOURCE } from "./audit.ts";

/** AUDIT-C: the three consumption items of the AUDIT as a screen. */
export const AUDIT_C: InstrumentDefinition = {
  code: "AUDIT-C",
  name: "AUDIT-Consumption",
  version: "1",
  respondents: ["patient", "clinician"],
  source: `${AUDIT_SOURCE} Bush K et al. The AUDIT alcohol consumption questions (AUDIT-C). Arch Intern Med 1998;158:1789–1795. Cut-offs: Bradley KA et al. Alcohol Clin Exp Res 2007;31:1208–1217.`,
  licence: AUDIT_LICENCE,
  loinc: { panel: "72109-2", total: "75626-2" },
  items: AUDIT_CONSUMPTION_ITEMS,
  total: { method: "sum", maxMissing: 0, decimals: 0, range: { min: 0, max: 12 } },
  bands: [
    { min: 0, code: "negative", label: "Below the screening cut-offs", level: 0 },
    {
      min: 3,
      code: "positive_women",
      label: "Positive screen for women (≥ 3); below the cut-off for men",
      level: 1,
    },
    { min: 4, code: "positive", label: "Positive screen (≥ 4 for men, ≥ 3 for women)", level: 2 },
  ],
  higherIsBetter: false,
  notes: ["All three items must be answered; the cut-off differs by sex (≥ 3 women, ≥ 4 men)."],
};
