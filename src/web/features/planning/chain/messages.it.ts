import type { planningChainEn } from "./messages.en.ts";

/** La catena tracciabile del piano (issue 13, parte 7). */
export const planningChainIt: typeof planningChainEn = {
  title: "Catena",
  subtitle:
    "Da un risultato dell'analisi di contesto a un elemento SWOT, un nodo della Teoria del Cambiamento, un'attività del piano, un indicatore e un obiettivo della roadmap: ogni collegamento registrato, seguito nei due sensi, i passaggi mancanti segnalati.",
  homeHint:
    "Seguire un risultato attraverso la SWOT, la Teoria del Cambiamento e il piano fino al suo indicatore e obiettivo",
  follow: "Seguire la catena a partire da",
  followPlaceholder: "Scegliere un elemento",
  followed: "La catena attraverso «{{label}}»",
  followedList: "La catena, dal primo passaggio all'ultimo",
  gone: "eliminato in una versione successiva",
  linksTitle: "Collegamenti nella catena",
  comesFrom: "Deriva da ({{kind}})",
  leadsTo: "Porta a ({{kind}})",
  noLinks: "Nessun collegamento.",
  fromArtefact: "definito nel documento",
  addLabel: "Nuovo collegamento ({{kind}})",
  add: "Aggiungi collegamento",
  remove: "Rimuovi il collegamento a {{label}}",
  noFlags: "Ogni passaggio della catena è collegato.",
  flagsTitle_one: "{{count}} problema nella catena",
  flagsTitle_other: "{{count}} problemi nella catena",
  missingEnd: "(l'elemento «{{key}}» di tipo {{kind}} non c'è più)",
  saveFirst: "Salvare la versione per collegare questo elemento nella catena.",
  openChain: "Catena",
  flags: {
    activity_without_output: "Attività che non risponde ad alcun output della Teoria del Cambiamento",
    output_without_indicator: "Output della Teoria del Cambiamento senza indicatore",
    swot_without_activity: "Elemento SWOT che non porta ad alcuna attività",
    broken_link: "Collegamento interrotto",
  },
  kinds: {
    sana_finding: "risultato dell'analisi di contesto",
    swot_item: "elemento SWOT",
    toc_node: "nodo della Teoria del Cambiamento",
    activity: "attività",
    indicator: "indicatore",
    roadmap_objective: "obiettivo della roadmap",
  },
};
