import type { offersEn } from "./messages.en.ts";

/** Pratiche proposte e rifiutate, e adesione (issue 13, parte 5). */
export const offersIt: typeof offersEn = {
  sectionTitle: "Proposte e rifiutate",
  hint: "Pratiche proposte a questo paziente che non ha accettato.",
  record: "Proposta, rifiutata",
  title: "{{code}}: proposta rifiutata",
  none: "Nessuna proposta rifiutata registrata.",
  site: "Sede",
  saved: "Registrato: {{code}} ha rifiutato {{programme}}",
  fields: {
    programme: "Programma",
    offerDate: "Data della proposta",
    reason: "Motivo",
  },
  reason: {
    not_interested: "Non interessato",
    practical_barriers: "Ostacoli pratici",
    clinical_reasons: "Motivi clinici",
    other: "Altro",
  },
  uptake: "Adesione (12 mesi)",
  uptakeOf: "{{enrolled}} su {{offered}}",
  uptakeNone: "Nessuna proposta",
  uptakeHidden: "Numeri piccoli",
};
