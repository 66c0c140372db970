/** The RECO mapping survey (issue 13, part 6). */
export const recoEn = {
  title: "Co-occurring conditions: care models (RECO)",
  subtitle:
    "How each service organises care for people with co-occurring mental health and substance use conditions: lead and link, consultancy or network.",
  homeHint: "Each service's model of care for co-occurring conditions, from the RECO mapping questionnaire",
  notAdded:
    "This programme has no RECO mapping questionnaire yet. Add it, then open a round on the questionnaires page.",
  notAddedReader: "This programme has no RECO mapping questionnaire yet.",
  add: "Add the RECO mapping questionnaire",
  toQuestionnaires: "Rounds and answers on the questionnaires page",
  noRound: "The questionnaire has no round yet: open one on the questionnaires page.",
  round: "Round",
  servicesCaption: "Services and their model, round {{round}}",
  service: "Service",
  area: "Area",
  model: "Model",
  status: "Response",
  submitted: "submitted",
  draft: "draft",
  missing: "No response",
  noResponse: "not answered",
  noServices: "No service to show.",
  noArea: "No area",
  byArea: "Models per area",
  chartLabel: "Number of services per model of care in each area",
  ruleTitle: "How a model is decided",
  models: {
    lead_and_link: "Lead and link",
    consultancy: "Consultancy",
    network: "Network",
    none: "No model",
    incomplete: "Incomplete answers",
  },
  rule: {
    lead_and_link:
      "a named lead with time for the role, with link workers or a training and supervision programme.",
    consultancy:
      "otherwise, a specialist team gives training, advice and joint work but takes no patients into its own care.",
    network:
      "otherwise, the service belongs to a network that meets regularly, or has link workers without a lead.",
    none: "none of these (a lead alone, or a specialist team that only treats its own patients).",
    incomplete: "an answer the rule needs is missing.",
  },
};
