import type { recoEn } from "./messages.en.ts";

/** La mappatura RECO (issue 13, parte 6). */
export const recoIt: typeof recoEn = {
  title: "Condizioni co-occorrenti: modelli di cura (RECO)",
  subtitle:
    "Come ogni servizio organizza la cura delle persone con disturbi mentali e da uso di sostanze co-occorrenti: referente e collegamento, consulenza o rete.",
  homeHint:
    "Il modello di cura di ogni servizio per le condizioni co-occorrenti, dal questionario di mappatura RECO",
  notAdded:
    "Questo programma non ha ancora il questionario di mappatura RECO. Aggiungerlo, poi aprire una rilevazione nella pagina dei questionari.",
  notAddedReader: "Questo programma non ha ancora il questionario di mappatura RECO.",
  add: "Aggiungi il questionario di mappatura RECO",
  toQuestionnaires: "Rilevazioni e risposte nella pagina dei questionari",
  noRound: "Il questionario non ha ancora rilevazioni: aprirne una nella pagina dei questionari.",
  round: "Rilevazione",
  servicesCaption: "Servizi e loro modello, rilevazione {{round}}",
  service: "Servizio",
  area: "Area",
  model: "Modello",
  status: "Risposta",
  submitted: "inviata",
  draft: "bozza",
  missing: "Nessuna risposta",
  noResponse: "senza risposta",
  noServices: "Nessun servizio da mostrare.",
  noArea: "Senza area",
  byArea: "Modelli per area",
  chartLabel: "Numero di servizi per modello di cura in ogni area",
  ruleTitle: "Come si decide il modello",
  models: {
    lead_and_link: "Referente e collegamento",
    consultancy: "Consulenza",
    network: "Rete",
    none: "Nessun modello",
    incomplete: "Risposte incomplete",
  },
  rule: {
    lead_and_link:
      "un referente indicato per nome con tempo dedicato, con operatori di collegamento o un programma di formazione e supervisione.",
    consultancy:
      "altrimenti, un'équipe specialistica offre formazione, consulenza e lavoro congiunto senza prendere in carico pazienti propri.",
    network:
      "altrimenti, il servizio fa parte di una rete che si incontra regolarmente, o ha operatori di collegamento senza un referente.",
    none: "nessuno di questi (un referente da solo, o un'équipe specialistica che cura solo i propri pazienti).",
    incomplete: "manca una risposta necessaria alla regola.",
  },
};
