/**
 * A service's model of care for co-occurring conditions, from its answers to the RECO mapping
 * questionnaire (`definition.ts`). The rule, in order (docs/planning.md "RECO mapping"):
 *
 * 1. `lead_and_link` — a named lead with time for the role, supported by link workers or a
 *    training and supervision programme: the investment is in a person who leads;
 * 2. `consultancy` — otherwise, a specialist team gives training, advice and joint work but
 *    takes no patients into its own care;
 * 3. `network` — otherwise, the service belongs to a network of services that meets regularly,
 *    or has link workers / champions without a lead: shared, with no one invested to lead;
 * 4. `none` — none of the above (a lead alone, or a specialist team that only treats its own
 *    patients, is not one of the three models);
 *
 * and `incomplete` when an answer the rule needs is missing: `lead`, `specialist_team` and
 * `network` always; `link_workers` and `training` when there is a lead; `specialist_caseload`
 * when there is a specialist team.
 */
export const RECO_MODELS = ["lead_and_link", "consultancy", "network", "none", "incomplete"] as const;
export type RecoModel = (typeof RECO_MODELS)[number];

export type RecoAnswers = Partial<Record<string, unknown>>;

export function classifyReco(answers: RecoAnswers): RecoModel {
  const yes = (q: string) => answers[q] === "yes";
  const answered = (q: string) => typeof answers[q] === "string" && answers[q] !== "";
  if (!answered("lead") || !answered("specialist_team") || !answered("network")) return "incomplete";
  if (yes("lead")) {
    if (!answered("link_workers") || !answered("training")) return "incomplete";
    if (yes("link_workers") || yes("training")) return "lead_and_link";
  }
  if (yes("specialist_team")) {
    if (!answered("specialist_caseload")) return "incomplete";
    if (answers.specialist_caseload !== "yes") return "consultancy";
  }
  if (yes("network") || yes("link_workers")) return "network";
  return "none";
}
