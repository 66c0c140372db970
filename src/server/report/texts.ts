import type { ReportLanguage } from "./request.ts";

/**
 * The report's words in each language it has. Sentences with figures are templates: `{name}` is
 * replaced by the figure, already formatted for the language (format.ts). Both languages have
 * every key (the type says so; tests/report checks no `{…}` is left unfilled).
 */
const EN = {
  title: "Monitoring report",
  subtitle: "{programme} — {from} to {to}",
  generated: "Figures computed on {today} from the registry and the planning toolkit; indicators as of {to}.",
  suppressedNote:
    "Aggregates for viewers: a cell counting 1–4 people is withheld (shown as “<5”), and so is another that would reveal it.",
  siteNote: "Sites marked * counted fewer than 5 people for that figure: read with care.",
  noData: "No patients are enrolled in this programme up to {to}: the report has no care figures to show.",
  mapTitle: "Regional map: patients enrolled against target, by area",
  mapText:
    "Each area is coloured by the patients enrolled at its sites as a share of their targets (the sum of the sites' enrolled over the sum of their targets), up to {to}; the area's sites are named in it.",
  mapLegend: "Enrolled / target",
  mapNoValue: "no figure",
  mapNoValueNote:
    "Grey: no site of the programme in the area, a site without a target, or a figure withheld.",
  noBoundaries: "No area boundaries were uploaded for the region: the regional map is not drawn.",
  s_programme: "1. Programme and sites",
  programmeIntro: "{programme} ({code}) runs at {sites} sites.",
  implementationFrom: "Implementation phase from {start}.",
  noImplementationStart: "No implementation phase recorded.",
  site: "Site",
  area: "Area",
  target: "Target",
  enrolled: "Enrolled",
  programmeRow: "Programme",
  s_enrolment: "2. Enrolment against target",
  enrolmentText:
    "{enrolled} patients enrolled up to {to}, against a programme target of {target}; {sitesAtTarget} sites have reached their own target.",
  enrolmentTrend: "Patients enrolled, month by month over the period",
  enrolmentBySite: "Patients enrolled by site, target marked",
  s_early: "3. Intensity of the first months of care",
  earlyText:
    "{intensive} of the patients observed through the early window received the intensive start (at least the programme's threshold of psychosocial interventions in the window).",
  early_intensive: "Intensive start",
  early_assessment: "Assessment",
  early_psychoeducation: "Psychoeducation",
  early_skills_training: "Skills training",
  early_psychotherapy: "Psychotherapy",
  early_family_intervention: "Family intervention",
  early_job_placement: "Job placement",
  early_social_support: "Social support",
  earlyTypes: "Patients observed through the early window with at least one intervention of each type in it",
  s_assessment: "4. Structured assessments",
  assessmentText: "{value} of the patients had a structured assessment around enrolment.",
  s_psychosocial: "5. Psychosocial interventions per patient",
  psychosocialText:
    "{psychosocial} psychosocial interventions out of {all} interventions; median per patient {median}.",
  median: "Median per patient",
  psychosocial: "Psychosocial interventions",
  interventions: "Interventions",
  s_groups: "6. Groups: DBT skills and Family Connections",
  groupsText: "{dbt} DBT skills groups and {fc} Family Connections groups.",
  dbt: "DBT skills groups",
  fc: "Family Connections groups",
  s_plans: "7. Treatment plans",
  plansText:
    "{plan} of the patients have a treatment plan; of those with a plan, {signed} signed by the patient.",
  plan_treatment: "Treatment plan",
  plan_signed: "Signed by the patient",
  plan_social: "Shared with social services",
  plan_work: "Shared with work inclusion",
  plan_actions: "Integrated actions started",
  s_case: "8. Case managers",
  caseText: "{value} of the patients have a case manager.",
  s_family: "9. Family involvement",
  familyText: "{value} of the patients' families were involved.",
  s_funnel: "10. From training to implementation",
  funnelText:
    "Of {professionals} professionals at the programme's sites, {trained} were trained, {inTeam} trained and in the implementation team, {delivering} of them delivering interventions in the period.",
  professionals: "Professionals",
  trained: "Trained",
  inTeam: "Trained, in the team",
  delivering: "Delivering",
  s_planning: "11. Planning",
  planningSitesHidden:
    "Site-level planning documents are shown only to administrators and the programme's coordinators; these are counts.",
  sanaText: "Situation analysis (SANA): filled in by {withSana} of {sites} sites (the region: {region}).",
  swotText: "SWOT: {withSwot} of {sites} sites compiled theirs. Factors named by the most sites:",
  factor: "Factor",
  quadrant: "Quadrant",
  sitesNaming: "Sites",
  inRegional: "In the regional SWOT",
  noFactors: "No tagged SWOT factors.",
  progressText:
    "Action plan: {activities} activities in the regional plan, status of the sites' copies as of {to}:",
  noPlan: "No regional action plan.",
  status: "Status",
  count: "Count",
  roadmapText: "Roadmaps: {compiled} of {expected} sites compiled theirs.",
  roadmapMissing: "Not yet compiled: {sites}.",
  roundText:
    "Questionnaire round “{label}” of {title} ({opens} to {closes}): {submitted} of {asked} sites answered.",
  noRound: "No questionnaire round opened by {to}.",
  s_fidelity: "12. Fidelity",
  fidelityText:
    "Latest review of each site on the {scale} scale (range {min}–{max}); {reviewed} of {sites} sites reviewed.",
  noFidelity: "No fidelity review recorded.",
  overall: "Overall",
  reviewDate: "Reviewed on",
  band: "Band",
  yes: "yes",
  no: "no",
  none: "none",
  status_planned: "planned",
  status_in_progress: "in progress",
  status_done: "done",
  status_delayed: "delayed",
  status_dropped: "dropped",
  status_missing: "not copied",
  status_overdue: "overdue",
  q_strength: "strength",
  q_weakness: "weakness",
  q_opportunity: "opportunity",
  q_threat: "threat",
};

export type ReportTexts = typeof EN;

const IT: ReportTexts = {
  title: "Rapporto di monitoraggio",
  subtitle: "{programme} — dal {from} al {to}",
  generated:
    "Dati calcolati il {today} dal registro e dagli strumenti di pianificazione; indicatori alla data del {to}.",
  suppressedNote:
    "Dati aggregati per la consultazione: una cella che conta da 1 a 4 persone non è mostrata (“<5”), né lo è un'altra che permetterebbe di ricavarla.",
  siteNote: "Le sedi segnate con * contano meno di 5 persone per quel dato: da leggere con cautela.",
  noData:
    "Nessun paziente è arruolato in questo programma fino al {to}: il rapporto non ha dati di cura da mostrare.",
  mapTitle: "Mappa regionale: pazienti arruolati rispetto all'obiettivo, per area",
  mapText:
    "Ogni area è colorata secondo i pazienti arruolati nelle sue sedi in rapporto ai loro obiettivi (la somma degli arruolati delle sedi sulla somma dei loro obiettivi), fino al {to}; nell'area sono indicate le sue sedi.",
  mapLegend: "Arruolati / obiettivo",
  mapNoValue: "nessun dato",
  mapNoValueNote:
    "In grigio: nessuna sede del programma nell'area, una sede senza obiettivo, oppure un dato non mostrato.",
  noBoundaries:
    "Per la regione non sono stati caricati i confini delle aree: la mappa regionale non è disegnata.",
  s_programme: "1. Programma e sedi",
  programmeIntro: "{programme} ({code}) si svolge in {sites} sedi.",
  implementationFrom: "Fase di implementazione dal {start}.",
  noImplementationStart: "Nessuna fase di implementazione registrata.",
  site: "Sede",
  area: "Area",
  target: "Obiettivo",
  enrolled: "Arruolati",
  programmeRow: "Programma",
  s_enrolment: "2. Arruolamento rispetto all'obiettivo",
  enrolmentText:
    "{enrolled} pazienti arruolati fino al {to}, rispetto a un obiettivo di programma di {target}; {sitesAtTarget} sedi hanno raggiunto il proprio obiettivo.",
  enrolmentTrend: "Pazienti arruolati, mese per mese nel periodo",
  enrolmentBySite: "Pazienti arruolati per sede, con l'obiettivo",
  s_early: "3. Intensità dei primi mesi di presa in carico",
  earlyText:
    "Il {intensive} dei pazienti osservati per l'intera finestra iniziale ha ricevuto un avvio intensivo (almeno la soglia del programma di interventi psicosociali nella finestra).",
  early_intensive: "Avvio intensivo",
  early_assessment: "Valutazione",
  early_psychoeducation: "Psicoeducazione",
  early_skills_training: "Skills training",
  early_psychotherapy: "Psicoterapia",
  early_family_intervention: "Intervento con i familiari",
  early_job_placement: "Inserimento lavorativo",
  early_social_support: "Supporto sociale",
  earlyTypes: "Pazienti osservati per la finestra iniziale con almeno un intervento di ciascun tipo in essa",
  s_assessment: "4. Valutazioni strutturate",
  assessmentText: "Il {value} dei pazienti ha avuto una valutazione strutturata all'arruolamento.",
  s_psychosocial: "5. Interventi psicosociali per paziente",
  psychosocialText:
    "{psychosocial} interventi psicosociali su {all} interventi; mediana per paziente {median}.",
  median: "Mediana per paziente",
  psychosocial: "Interventi psicosociali",
  interventions: "Interventi",
  s_groups: "6. Gruppi: DBT skills e Family Connections",
  groupsText: "{dbt} gruppi DBT skills e {fc} gruppi Family Connections.",
  dbt: "Gruppi DBT skills",
  fc: "Gruppi Family Connections",
  s_plans: "7. Piani di trattamento individuali",
  plansText:
    "Il {plan} dei pazienti ha un piano di trattamento; di quelli con un piano, il {signed} è firmato dal paziente.",
  plan_treatment: "Piano di trattamento",
  plan_signed: "Firmato dal paziente",
  plan_social: "Condiviso con i servizi sociali",
  plan_work: "Condiviso con l'inserimento lavorativo",
  plan_actions: "Azioni integrate avviate",
  s_case: "8. Case manager",
  caseText: "Il {value} dei pazienti ha un case manager.",
  s_family: "9. Coinvolgimento dei familiari",
  familyText: "Le famiglie del {value} dei pazienti sono state coinvolte.",
  s_funnel: "10. Dalla formazione all'implementazione",
  funnelText:
    "Dei {professionals} professionisti delle sedi del programma, {trained} sono stati formati, {inTeam} formati e nell'équipe di implementazione, {delivering} dei quali hanno erogato interventi nel periodo.",
  professionals: "Professionisti",
  trained: "Formati",
  inTeam: "Formati, nell'équipe",
  delivering: "Che erogano",
  s_planning: "11. Pianificazione",
  planningSitesHidden:
    "I documenti di pianificazione delle sedi sono visibili solo agli amministratori e ai coordinatori del programma; qui solo i conteggi.",
  sanaText:
    "Analisi della situazione (SANA): compilata da {withSana} sedi su {sites} (la regione: {region}).",
  swotText:
    "SWOT: {withSwot} sedi su {sites} hanno compilato la propria. Fattori citati dal maggior numero di sedi:",
  factor: "Fattore",
  quadrant: "Quadrante",
  sitesNaming: "Sedi",
  inRegional: "Nella SWOT regionale",
  noFactors: "Nessun fattore SWOT classificato.",
  progressText:
    "Piano d'azione: {activities} attività nel piano regionale, stato delle copie delle sedi al {to}:",
  noPlan: "Nessun piano d'azione regionale.",
  status: "Stato",
  count: "Numero",
  roadmapText: "Roadmap: {compiled} sedi su {expected} hanno compilato la propria.",
  roadmapMissing: "Non ancora compilate: {sites}.",
  roundText:
    "Rilevazione “{label}” del questionario {title} (dal {opens} al {closes}): hanno risposto {submitted} sedi su {asked}.",
  noRound: "Nessuna rilevazione aperta entro il {to}.",
  s_fidelity: "12. Fedeltà",
  fidelityText:
    "Ultima valutazione di ogni sede sulla scala {scale} (intervallo {min}–{max}); {reviewed} sedi valutate su {sites}.",
  noFidelity: "Nessuna valutazione di fedeltà registrata.",
  overall: "Complessivo",
  reviewDate: "Valutata il",
  band: "Fascia",
  yes: "sì",
  no: "no",
  none: "nessuna",
  status_planned: "pianificata",
  status_in_progress: "in corso",
  status_done: "completata",
  status_delayed: "in ritardo sul piano",
  status_dropped: "abbandonata",
  status_missing: "non copiata",
  status_overdue: "scaduta",
  q_strength: "punto di forza",
  q_weakness: "punto di debolezza",
  q_opportunity: "opportunità",
  q_threat: "minaccia",
};

export const TEXTS: Record<ReportLanguage, ReportTexts> = { en: EN, it: IT };

/** Fill a template's `{name}` slots; a slot without a value is an error (caught by the tests). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`report text: no value for {${name}} in "${template}"`);
    return String(v);
  });
}
