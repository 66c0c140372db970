import type { programmeTargetsEn } from "./messages.en.ts";

/** Obiettivi sugli indicatori nel modulo e nella pagina del programma (issue 11). */
export const programmeTargetsIt: typeof programmeTargetsEn = {
  title: "Obiettivi",
  hint: "Un obiettivo su qualsiasi indicatore, per l'intero programma o per una sede. L'obiettivo proprio di una sede vale per quella sede; quello del programma per la riga del programma — e, per una percentuale o una mediana, per ogni sede che non ne ha uno proprio.",
  none: "Nessun obiettivo sugli indicatori, per ora.",
  add: "Aggiungi obiettivo",
  remove: "Rimuovi l'obiettivo {{n}}",
  indicator: "Indicatore",
  indicatorFor: "Indicatore dell'obiettivo {{n}}",
  site: "Si applica a",
  siteFor: "Dove si applica l'obiettivo {{n}}",
  wholeProgramme: "Intero programma",
  value: "Valore obiettivo",
  valueFor: "Valore dell'obiettivo {{n}}",
  percentHint: "Una percentuale",
  direction: "Meglio se",
  directionFor: "Direzione dell'obiettivo {{n}}",
  higher: "Più alto è meglio",
  lower: "Più basso è meglio",
  enrolledHint: "L'obiettivo di arruolamento di ciascuna sede si imposta con la sede, qui sopra.",
  caption: "Obiettivi sugli indicatori",
  listTitle: "Obiettivi sugli indicatori",
  noAccessCreate:
    "I programmi sono creati dagli amministratori e dai coordinatori regionali, nella regione dei programmi che coordinano. Rivolgiti al tuo amministratore se te ne serve uno.",
};
