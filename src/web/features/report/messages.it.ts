import type { Messages } from "../../i18n/en.ts";

/** Il pulsante del rapporto di monitoraggio (italiano). */
export const reportIt: Messages["report"] = {
  button: "Rapporto di monitoraggio",
  pdf: "PDF, dal {{from}} al {{to}}",
  html: "HTML, dal {{from}} al {{to}}",
  editTexts: "Testi del rapporto…",
  texts: {
    title: "Testi del rapporto",
    lang: { en: "Inglese", it: "Italiano" },
    section: "Sezione",
    text: "Testo",
    customised: "personalizzato",
    default: "predefinito",
    updatedBy: "Salvato da {{user}} (versione {{version}})",
    placeholders: "Segnaposto utilizzabili (sostituiti dai dati): {{list}}",
    noPlaceholders: "Questo testo non ha segnaposto.",
    defaultIs: "Predefinito:",
    save: "Salva",
    reset: "Ripristina il predefinito",
    saved: "“{{name}}” salvato",
    resetDone: "“{{name}}” è tornato al testo predefinito",
    sections: {
      programmeIntro: "Introduzione (programma e sedi)",
      enrolmentText: "Arruolamento rispetto all'obiettivo",
      earlyText: "Intensità dei primi mesi",
      assessmentText: "Valutazioni strutturate",
      psychosocialText: "Interventi psicosociali",
      groupsText: "Gruppi",
      plansText: "Piani di trattamento",
      caseText: "Case manager",
      familyText: "Coinvolgimento dei familiari",
      funnelText: "Dalla formazione all'implementazione",
      noData: "Nessun dato",
    },
  },
};
