/** Practices offered and declined, and uptake (issue 13, part 5). */
export const offersEn = {
  sectionTitle: "Offered and declined",
  hint: "Practices offered to this patient that they did not take up.",
  record: "Offered, declined",
  title: "{{code}}: offered and declined",
  none: "No declined offer recorded.",
  site: "Site",
  saved: "Recorded: {{code}} declined {{programme}}",
  fields: {
    programme: "Programme",
    offerDate: "Date offered",
    reason: "Reason",
  },
  reason: {
    not_interested: "Not interested",
    practical_barriers: "Practical barriers",
    clinical_reasons: "Clinical reasons",
    other: "Other",
  },
  uptake: "Uptake (12 months)",
  uptakeOf: "{{enrolled}} of {{offered}}",
  uptakeNone: "No offers",
  uptakeHidden: "Small numbers",
};
