import { describe, expect, it } from "vitest";
import {
  GENERIC_RULES,
  type IssueParams,
  KNOWN_RULES,
  type MessageLanguage,
  RULES,
  validationMessage,
} from "./validation-messages.ts";

const RAW = /Invalid input|expected [a-z]+, received|Invalid option|overrideReason|undefined|NaN|\[object/;

describe("validation messages: the rules people meet in the main forms", () => {
  it.each<[string, IssueParams | undefined, string | null, MessageLanguage, string]>([
    ["required", undefined, "Birth year", "en", "Birth year is required"],
    ["required", undefined, "Anno di nascita", "it", "Anno di nascita: campo obbligatorio"],
    ["required", undefined, null, "en", "is required"],
    ["required", undefined, null, "it", "campo obbligatorio"],
    ["invalid_type", { expected: "number" }, "Birth year", "en", "Birth year must be a number"],
    [
      "invalid_type",
      { expected: "number" },
      "Anno di nascita",
      "it",
      "Anno di nascita: deve essere un numero",
    ],
    ["invalid_type", { expected: "integer" }, "Duration", "en", "Duration must be a whole number"],
    ["invalid_type", { expected: "integer" }, "Durata", "it", "Durata: deve essere un numero intero"],
    ["invalid_type", { expected: "boolean" }, "Signed", "en", "Signed must be yes or no"],
    ["invalid_type", { expected: "weird" }, "X", "it", "X: ha un tipo errato"],
    ["invalid_value", { values: ["F", "M", "X", "U"] }, "Sex", "en", "Sex must be one of F, M, X or U"],
    ["invalid_value", { values: ["F", "M", "X", "U"] }, "Sesso", "it", "Sesso: scegli F, M, X o U"],
    ["invalid_value", { values: ["a"] }, "Kind", "en", "Kind must be one of a"],
    ["invalid_value", {}, "Kind", "it", "Kind: non è tra i valori ammessi"],
    ["too_small", { min: 0, origin: "number" }, "Training hours", "en", "Training hours must be 0 or more"],
    [
      "too_small",
      { min: 0, origin: "number" },
      "Ore di formazione",
      "it",
      "Ore di formazione: deve essere 0 o più",
    ],
    ["too_small", { min: 0, inclusive: false }, "Hours", "en", "Hours must be more than 0"],
    ["too_small", { min: 0, inclusive: false }, "Ore", "it", "Ore: deve essere più di 0"],
    [
      "too_small",
      { min: 12, origin: "string" },
      "Password",
      "en",
      "Password must have at least 12 characters",
    ],
    [
      "too_small",
      { min: 12, origin: "string" },
      "Password",
      "it",
      "Password: deve avere almeno 12 caratteri",
    ],
    ["too_small", { min: 1, origin: "string" }, "Name", "en", "Name must have at least 1 character"],
    ["too_small", { min: 1, origin: "array" }, "Sites", "en", "Sites must have at least 1 item"],
    ["too_small", { min: 2, origin: "array" }, "Sedi", "it", "Sedi: deve averne almeno 2"],
    ["too_small", { min: "1900-01-01", origin: "date" }, "Date", "en", "Date must be on or after 1900-01-01"],
    ["too_small", {}, "Date", "it", "Date: è troppo piccolo"],
    ["too_big", { max: 2100, origin: "number" }, "Year", "en", "Year must be 2100 or less"],
    ["too_big", { max: 2100, origin: "number" }, "Anno", "it", "Anno: deve essere 2100 o meno"],
    ["too_big", { max: 10, inclusive: false }, "N", "en", "N must be less than 10"],
    ["too_big", { max: 200, origin: "string" }, "Nome", "it", "Nome: deve avere al massimo 200 caratteri"],
    ["too_big", { max: 3, origin: "array" }, "Phases", "en", "Phases must have at most 3 items"],
    ["invalid_format", { format: "date" }, "Date", "en", "Date must be a date (YYYY-MM-DD)"],
    ["invalid_format", { format: "date" }, "Data", "it", "Data: deve essere una data (AAAA-MM-GG)"],
    [
      "invalid_format",
      { format: "diagnosis" },
      "Diagnosis",
      "en",
      "Diagnosis must be an ICD-10 code such as F60.3",
    ],
    ["invalid_format", { format: "regex" }, "Codice", "it", "Codice: non è nel formato giusto"],
    ["not_multiple_of", { divisor: 5 }, "Minutes", "en", "Minutes must be a multiple of 5"],
    ["range", { min: 1, max: 5 }, "Score", "en", "Score must be from 1 to 5"],
    ["range", { min: 1, max: 5 }, "Punteggio", "it", "Punteggio: deve essere tra 1 e 5"],
    ["range", { max: 5 }, "Score", "en", "Score must be 5 or less"],
    ["future", undefined, "Year", "en", "Year cannot be in the future"],
    ["future", undefined, "Anno", "it", "Anno: non può essere nel futuro"],
    ["unique", undefined, "Code", "en", "Code is already used"],
    ["unique", undefined, "Codice", "it", "Codice: è già in uso"],
    ["min_above_max", undefined, "Minimum age", "en", "Minimum age must not be more than the maximum"],
    [
      "end_before_start",
      undefined,
      "Data di fine",
      "it",
      "Data di fine: deve essere uguale o successiva alla data di inizio",
    ],
    [
      "not_eligible",
      { checks: ["age_band", "target_diagnosis"] },
      "Reason for enrolling anyway",
      "en",
      "Reason for enrolling anyway is required because the patient does not meet the age band and the target diagnosis: say why you enrol them anyway",
    ],
    [
      "not_eligible",
      { checks: ["new_to_service"] },
      "Motivo",
      "it",
      "Motivo: obbligatorio perché il paziente non soddisfa il criterio di nuovo accesso al servizio; spiega perché lo arruoli comunque",
    ],
    ["unanswered", undefined, "Team size", "en", "Team size must be answered before submitting"],
    [
      "unanswered",
      undefined,
      "How many take part?",
      "en",
      "How many take part? Must be answered before submitting",
    ],
    [
      "unanswered",
      undefined,
      "Quanti partecipano?",
      "it",
      "Quanti partecipano? Richiede una risposta prima dell'invio",
    ],
    [
      "unanswered",
      undefined,
      "Dimensione del team",
      "it",
      "Dimensione del team: richiede una risposta prima dell'invio",
    ],
    [
      "already_enrolled",
      { enrolment: "E-1" },
      "Programme",
      "en",
      "Programme already has this patient enrolled (E-1)",
    ],
    [
      "other_dbt_group",
      { group: "G-7" },
      "Reason for a second skills group",
      "en",
      "Reason for a second skills group is required because the patient is already in the running DBT skills group G-7: say why they join a second one",
    ],
    [
      "other_dbt_group",
      { group: "G-7" },
      "Motivo del secondo gruppo",
      "it",
      "Motivo del secondo gruppo: obbligatorio perché il paziente è già in un gruppo di skills DBT in corso (G-7); spiega perché partecipa a un secondo gruppo",
    ],
    // the domain's rules say their limits in Italian too, not only "out of range"
    [
      "capacity",
      { max: 12 },
      "Membri",
      "it",
      "Membri: supera la capienza del gruppo (al massimo 12 alla volta)",
    ],
    ["capacity", undefined, "Members", "en", "Members is more than the group can hold"],
    [
      "imr_capacity",
      { max: 8 },
      "Dimensione massima",
      "it",
      "Dimensione massima: supera la capienza di un gruppo IMR: al massimo 8",
    ],
    ["below_members", { min: 5 }, "Max size", "en", "Max size is below the number of members: at least 5"],
    [
      "below_members",
      { min: 5 },
      "Dimensione massima",
      "it",
      "Dimensione massima: è inferiore al numero di membri: almeno 5",
    ],
    ["not_an_option", { values: [0, 2, 4] }, "Item 9", "it", "Item 9: scegli 0, 2 o 4"],
    ["not_an_option", { values: [0, 2, 4] }, "Item 9", "en", "Item 9 must be one of 0, 2 or 4"],
    ["range", { min: 1, max: 7 }, "Valutazione", "it", "Valutazione: deve essere tra 1 e 7"],
    ["range", { min: 0, max: 4.5 }, "Punteggio", "it", "Punteggio: deve essere tra 0 e 4,5"],
    ["not_multiple_of", { divisor: 0.01 }, "Totale", "it", "Totale: deve essere un multiplo di 0,01"],
    ["no_such_rule", undefined, "Field", "en", "Field is not valid"],
    ["no_such_rule", undefined, "Campo", "it", "Campo: non è valido"],
  ])("%s %j, label %s, in %s → %s", (rule, params, label, lang, expected) => {
    expect(validationMessage({ rule, params }, lang, { label })).toBe(expected);
  });

  it("names allowed values as the form does", () => {
    const labels: Record<string, string> = { F: "Femmina", M: "Maschio" };
    expect(
      validationMessage({ rule: "invalid_value", params: { values: ["F", "M"] } }, "it", {
        label: "Sesso",
        valueLabel: (v) => labels[String(v)] ?? String(v),
      }),
    ).toBe("Sesso: scegli Femmina o Maschio");
  });
});

describe("validation messages: every rule, in both languages", () => {
  const samples: IssueParams = {
    min: 1,
    max: 9,
    values: ["a", "b"],
    expected: "number",
    format: "date",
    divisor: 2,
  };
  const cases = [...KNOWN_RULES].flatMap((rule) =>
    (["en", "it"] as const).flatMap((lang) => [[rule, lang, "Label"] as const, [rule, lang, null] as const]),
  );
  it.each(cases)("%s in %s (label %s) is a sentence for people", (rule, lang, label) => {
    for (const params of [undefined, samples]) {
      const message = validationMessage({ rule, params }, lang, { label });
      expect(message.length).toBeGreaterThan(3);
      expect(message).not.toMatch(RAW);
      if (label) expect(message.startsWith(label)).toBe(true);
    }
  });

  it("has an Italian sentence different from the English one for every rule", () => {
    for (const rule of KNOWN_RULES) {
      const en = validationMessage({ rule }, "en");
      const it = validationMessage({ rule }, "it");
      expect(it, rule).not.toBe(en);
    }
  });

  it("knows every rule it treats as generic", () => {
    for (const rule of GENERIC_RULES) expect(RULES[rule], rule).toBeDefined();
  });
});
