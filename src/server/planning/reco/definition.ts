import type { DefinitionContent } from "../questionnaire/schemas.ts";

/**
 * The RECO mapping questionnaire (issue 13, part 6): how a service organises care for people
 * with co-occurring mental health and substance use conditions. After the three models the
 * RECO study found when it mapped such services — a named lead with link workers, a specialist
 * team that consults without its own caseload, a network of services without an invested lead —
 * written in our own words. `classify.ts` turns the answers into a model.
 */
export const RECO_CODE = "RECO";

type Language = "en" | "it";

const yesNo = {
  en: [
    { code: "yes", label: "Yes" },
    { code: "no", label: "No" },
  ],
  it: [
    { code: "yes", label: "Sì" },
    { code: "no", label: "No" },
  ],
};

const TEXTS = {
  title: {
    en: "Care model for co-occurring conditions (RECO mapping)",
    it: "Modello di cura per le condizioni co-occorrenti (mappatura RECO)",
  },
  lead: {
    en: "Does the service have a named senior clinician who leads care for people with co-occurring mental health and substance use conditions, with time set aside for that role?",
    it: "Il servizio ha un clinico esperto, indicato per nome, che guida la cura delle persone con disturbi mentali e da uso di sostanze co-occorrenti, con tempo dedicato a questo ruolo?",
  },
  link_workers: {
    en: "Do the teams have link workers or champions who work with that lead and carry the approach into everyday care?",
    it: "Nelle équipe ci sono operatori di collegamento o referenti che lavorano con quel clinico e portano l'approccio nella cura di ogni giorno?",
  },
  training: {
    en: "Is there a planned programme of training and supervision on co-occurring conditions for the staff?",
    it: "Esiste un programma pianificato di formazione e supervisione sulle condizioni co-occorrenti per il personale?",
  },
  specialist_team: {
    en: "Does a specialist team give the service's staff training, advice on individual cases and joint work?",
    it: "Un'équipe specialistica offre al personale del servizio formazione, consulenza sui singoli casi e lavoro congiunto?",
  },
  specialist_caseload: {
    en: "Does that specialist team (or the lead) take patients into its own care?",
    it: "Quell'équipe specialistica (o il clinico di riferimento) prende in carico direttamente dei pazienti?",
  },
  network: {
    en: "Does the service belong to a network of services that meets regularly about co-occurring conditions?",
    it: "Il servizio fa parte di una rete di servizi che si incontra regolarmente sulle condizioni co-occorrenti?",
  },
  notes: {
    en: "Anything else about how the service works with co-occurring conditions",
    it: "Altro sul modo in cui il servizio lavora con le condizioni co-occorrenti",
  },
  no_team: { en: "There is no specialist team", it: "Non c'è un'équipe specialistica" },
} as const;

/** The questionnaire's definition in one language (the programme's content is in one language). */
export function recoDefinition(language: Language): DefinitionContent {
  const choice = (code: keyof typeof TEXTS, required = true) => ({
    code,
    text: TEXTS[code][language],
    type: "single_choice" as const,
    options: yesNo[language],
    min: null,
    max: null,
    required,
  });
  return {
    title: TEXTS.title[language],
    questions: [
      choice("lead"),
      choice("link_workers"),
      choice("training"),
      choice("specialist_team"),
      {
        ...choice("specialist_caseload", false),
        options: [...yesNo[language], { code: "no_team", label: TEXTS.no_team[language] }],
      },
      choice("network"),
      {
        code: "notes",
        text: TEXTS.notes[language],
        type: "text",
        options: [],
        min: null,
        max: null,
        required: false,
      },
    ],
  };
}
