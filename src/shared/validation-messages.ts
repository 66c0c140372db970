/**
 * The one translation of validation issues, used by the server (the English `message` of every
 * issue it answers) and by the web app (the message beside the field, in the user's language).
 *
 * An API refusal names each problem as `{ field, rule, params?, message }`: `rule` is a stable code
 * (the zod issue codes plus the domain's own rules, all listed in `RULES` below) and `params` the
 * facts a client needs to say it (allowed values, limits). A client translates by `rule` and
 * `params` with the field's own label; `message` is the English text for clients that do not.
 * See docs/validation.md.
 */

export type MessageLanguage = "en" | "it";

/** The documented shape of `issues[].params`; a rule uses only the keys it needs. */
export interface IssueParams {
  /** invalid_type: "number" | "integer" | "string" | "boolean" | "array" | "object" | "date". */
  expected?: string;
  /** invalid_value: the allowed values, in order. */
  values?: Array<string | number | boolean | null>;
  /** too_small / range: the lower limit (a number, or a length / count when `origin` says so). */
  min?: number | string;
  /** too_big / range: the upper limit. */
  max?: number | string;
  /** too_small / too_big: whether the limit itself is allowed (default true). */
  inclusive?: boolean;
  /** too_small / too_big: what is limited: "number" (the value), "string" (characters), "array" (items), "date". */
  origin?: string;
  /** invalid_format: "date", "email", "code", "diagnosis", "regex", … */
  format?: string;
  /** not_multiple_of. */
  divisor?: number;
  /** unrecognized_keys: the unknown keys. */
  keys?: string[];
  /** future: today's date, when the rule compares with it. */
  today?: string;
  /** not_eligible: the eligibility checks that failed or cannot be told (age_band, target_diagnosis, new_to_service). */
  checks?: string[];
  /** other_dbt_group: the code of the running DBT skills group the patient is already in. */
  group?: string;
  [key: string]: unknown;
}

export interface ValidationIssue {
  rule: string;
  params?: IssueParams | undefined;
}

interface Ctx {
  p: IssueParams;
  /** The allowed values as the reader knows them (labels when the form gave them). */
  values: string;
}

type Predicate = (c: Ctx) => string;

const num = (v: unknown) => String(v);
/** A number as Italian writes it: a decimal comma (0,5), no grouping (years stay 2026). */
const numIt = (v: unknown) => (typeof v === "number" ? String(v).replace(".", ",") : String(v));

const tooSmall = (lang: MessageLanguage, p: IssueParams): string => {
  const inclusive = p.inclusive !== false;
  if (p.min === undefined) return lang === "en" ? "is too small" : "è troppo piccolo";
  const min = num(p.min);
  if (p.origin === "string")
    return lang === "en"
      ? `must have at least ${min} character${min === "1" ? "" : "s"}`
      : min === "1"
        ? "non può essere vuoto"
        : `deve avere almeno ${min} caratteri`;
  if (p.origin === "array" || p.origin === "set")
    return lang === "en"
      ? `must have at least ${min} item${min === "1" ? "" : "s"}`
      : `deve averne almeno ${min}`;
  if (p.origin === "date")
    return lang === "en" ? `must be on or after ${min}` : `deve essere dal ${min} in poi`;
  if (lang === "en") return inclusive ? `must be ${min} or more` : `must be more than ${min}`;
  return inclusive ? `deve essere ${numIt(p.min)} o più` : `deve essere più di ${numIt(p.min)}`;
};

const tooBig = (lang: MessageLanguage, p: IssueParams): string => {
  const inclusive = p.inclusive !== false;
  if (p.max === undefined) return lang === "en" ? "is too large" : "è troppo grande";
  const max = num(p.max);
  if (p.origin === "string")
    return lang === "en" ? `must have at most ${max} characters` : `deve avere al massimo ${max} caratteri`;
  if (p.origin === "array" || p.origin === "set")
    return lang === "en" ? `must have at most ${max} items` : `può averne al massimo ${max}`;
  if (p.origin === "date")
    return lang === "en" ? `must be on or before ${max}` : `deve essere entro il ${max}`;
  if (lang === "en") return inclusive ? `must be ${max} or less` : `must be less than ${max}`;
  return inclusive ? `deve essere ${numIt(p.max)} o meno` : `deve essere meno di ${numIt(p.max)}`;
};

const EXPECTED: Record<string, { en: string; it: string }> = {
  number: { en: "must be a number", it: "deve essere un numero" },
  integer: { en: "must be a whole number", it: "deve essere un numero intero" },
  int: { en: "must be a whole number", it: "deve essere un numero intero" },
  string: { en: "must be text", it: "deve essere un testo" },
  boolean: { en: "must be yes or no", it: "deve essere sì o no" },
  array: { en: "must be a list", it: "deve essere un elenco" },
  object: { en: "is not in the expected form", it: "non è nella forma attesa" },
  date: { en: "must be a date", it: "deve essere una data" },
};

const FORMATS: Record<string, { en: string; it: string }> = {
  date: { en: "must be a date (YYYY-MM-DD)", it: "deve essere una data (AAAA-MM-GG)" },
  calendar_date: { en: "is not a date on the calendar", it: "non è una data del calendario" },
  email: { en: "must be an e-mail address", it: "deve essere un indirizzo e-mail" },
  code: {
    en: "may hold only letters, digits, dots, dashes and underscores",
    it: "può contenere solo lettere, cifre, punti, trattini e trattini bassi",
  },
  diagnosis: {
    en: "must be an ICD-10 code such as F60.3",
    it: "deve essere un codice ICD-10 come F60.3",
  },
};

/** Each rule: its predicate in English and Italian (composed with the label by `validationMessage`). */
export const RULES: Record<string, { en: Predicate; it: Predicate }> = {
  // ── the zod issue codes ──────────────────────────────────────────────────────────────────
  required: { en: () => "is required", it: () => "campo obbligatorio" },
  invalid_type: {
    en: ({ p }) => EXPECTED[p.expected ?? ""]?.en ?? "has the wrong type",
    it: ({ p }) => EXPECTED[p.expected ?? ""]?.it ?? "ha un tipo errato",
  },
  invalid_value: {
    en: ({ values }) => (values ? `must be one of ${values}` : "is not one of the allowed values"),
    it: ({ values }) => (values ? `scegli ${values}` : "non è tra i valori ammessi"),
  },
  too_small: { en: ({ p }) => tooSmall("en", p), it: ({ p }) => tooSmall("it", p) },
  too_big: { en: ({ p }) => tooBig("en", p), it: ({ p }) => tooBig("it", p) },
  invalid_format: {
    en: ({ p }) => FORMATS[p.format ?? ""]?.en ?? "has the wrong format",
    it: ({ p }) => FORMATS[p.format ?? ""]?.it ?? "non è nel formato giusto",
  },
  not_multiple_of: {
    en: ({ p }) =>
      p.divisor === undefined ? "is not a multiple of the step" : `must be a multiple of ${num(p.divisor)}`,
    it: ({ p }) =>
      p.divisor === undefined
        ? "non è un multiplo del passo"
        : `deve essere un multiplo di ${numIt(p.divisor)}`,
  },
  unrecognized_keys: {
    en: () => "is not a field this form accepts",
    it: () => "non è un campo accettato",
  },
  invalid_union: { en: () => "is not valid", it: () => "non è valido" },
  invalid_key: { en: () => "has a key that is not valid", it: () => "ha una chiave non valida" },
  invalid_element: { en: () => "has an element that is not valid", it: () => "ha un elemento non valido" },
  custom: { en: () => "is not valid", it: () => "non è valido" },
  // ── the request as a whole ───────────────────────────────────────────────────────────────
  validation: { en: () => "is not valid", it: () => "non è valido" },
  payload_too_large: { en: () => "is larger than allowed", it: () => "è più grande del consentito" },
  unsupported_media_type: { en: () => "must be sent as JSON", it: () => "deve essere inviato come JSON" },
  // ── the domain's rules ───────────────────────────────────────────────────────────────────
  type: {
    en: ({ p }) => EXPECTED[p.expected ?? ""]?.en ?? "has the wrong type",
    it: ({ p }) => EXPECTED[p.expected ?? ""]?.it ?? "ha un tipo errato",
  },
  range: {
    en: ({ p }) =>
      p.min !== undefined && p.max !== undefined
        ? `must be from ${num(p.min)} to ${num(p.max)}`
        : p.min !== undefined
          ? `must be ${num(p.min)} or more`
          : p.max !== undefined
            ? `must be ${num(p.max)} or less`
            : "is out of range",
    it: ({ p }) =>
      p.min !== undefined && p.max !== undefined
        ? `deve essere tra ${numIt(p.min)} e ${numIt(p.max)}`
        : p.min !== undefined
          ? `deve essere ${numIt(p.min)} o più`
          : p.max !== undefined
            ? `deve essere ${numIt(p.max)} o meno`
            : "è fuori dall'intervallo ammesso",
  },
  min_above_max: {
    en: () => "must not be more than the maximum",
    it: () => "non può superare il massimo",
  },
  future: { en: () => "cannot be in the future", it: () => "non può essere nel futuro" },
  unique: { en: () => "is already used", it: () => "è già in uso" },
  already_enrolled: {
    en: ({ p }) => `already has this patient enrolled${p.enrolment ? ` (${String(p.enrolment)})` : ""}`,
    it: ({ p }) =>
      `il paziente è già arruolato in questo programma${p.enrolment ? ` (${String(p.enrolment)})` : ""}`,
  },
  reference: {
    en: () => "refers to something that does not exist or is still in use",
    it: () => "si riferisce a qualcosa che non esiste o è ancora in uso",
  },
  check: { en: () => "breaks a rule of the data", it: () => "viola una regola dei dati" },
  calendar_date: { en: () => "is not a date on the calendar", it: () => "non è una data del calendario" },
  before_birth: {
    en: () => "cannot be before the patient's birth year",
    it: () => "non può precedere l'anno di nascita del paziente",
  },
  records_before_birth: {
    en: () => "is after dates already recorded for this patient",
    it: () => "è successivo a date già registrate per questo paziente",
  },
  before_start: { en: () => "cannot be before the start", it: () => "non può precedere l'inizio" },
  before_created: {
    en: () => "cannot be before the record was created",
    it: () => "non può precedere la creazione del record",
  },
  // integrated care records (issue 13, part 3)
  before_consent: {
    en: () => "cannot be before the date consent was given",
    it: () => "non può precedere la data in cui è stato dato il consenso",
  },
  already_withdrawn: {
    en: () => "cannot be set: this consent was already withdrawn",
    it: () => "non può essere indicata: questo consenso è già stato revocato",
  },
  before_plan_date: {
    en: () => "cannot be before the plan's date",
    it: () => "non può precedere la data del piano",
  },
  unknown_goal: {
    en: () => "must be one of the plan's goals (add a goal first)",
    it: () => "deve essere uno degli obiettivi del piano (aggiungi prima un obiettivo)",
  },
  end_before_start: {
    en: () => "must be on or after the start date",
    it: () => "deve essere uguale o successiva alla data di inizio",
  },
  requires_end_date: {
    en: () => "needs an end date as well",
    it: () => "richiede anche una data di fine",
  },
  not_eligible: {
    en: ({ p }) =>
      `is required because the patient does not meet ${checkList("en", p.checks)}: say why you enrol them anyway`,
    it: ({ p }) =>
      `obbligatorio perché il paziente non soddisfa ${checkList("it", p.checks)}; spiega perché lo arruoli comunque`,
  },
  other_dbt_group: {
    en: ({ p }) =>
      `is required because the patient is already in the running DBT skills group${p.group ? ` ${String(p.group)}` : ""}: say why they join a second one`,
    it: ({ p }) =>
      `obbligatorio perché il paziente è già in un gruppo di skills DBT in corso${p.group ? ` (${String(p.group)})` : ""}; spiega perché partecipa a un secondo gruppo`,
  },
  unanswered: {
    en: () => "must be answered before submitting",
    it: () => "richiede una risposta prima dell'invio",
  },
  stale_version: {
    en: () => "was changed by someone else meanwhile; reload to see their changes",
    it: () => "è stato modificato da altri nel frattempo; ricarica per vedere le modifiche",
  },
  in_use: { en: () => "is still in use", it: () => "è ancora in uso" },
  before_previous_change: {
    en: ({ p }) => `cannot be before the last change${p.date ? ` (${String(p.date)})` : ""}`,
    it: ({ p }) => `non può precedere l'ultimo cambiamento${p.date ? ` (${String(p.date)})` : ""}`,
  },
  same_status: {
    en: () => "is already the site's current status",
    it: () => "è già lo stato attuale della sede",
  },
  status_transition: {
    en: () =>
      "cannot follow the site's current status (only an active site can pause; an active site is paused or stopped, not set back to preparing)",
    it: () =>
      "non può seguire lo stato attuale della sede (solo una sede attiva può sospendersi; una sede attiva si sospende o si ferma, non torna in preparazione)",
  },
  nothing_to_copy: {
    en: () => "has nothing to start from: the region has not saved it yet",
    it: () => "non ha nulla da cui partire: la regione non l'ha ancora salvato",
  },
  empty: { en: () => "cannot be empty", it: () => "non può essere vuoto" },
  blank: { en: () => "cannot be blank", it: () => "non può essere vuoto" },
  duplicate: { en: () => "appears twice", it: () => "compare due volte" },
  not_an_option: {
    en: ({ values }) => (values ? `must be one of ${values}` : "is not one of the options"),
    it: ({ values }) => (values ? `scegli ${values}` : "non è tra le opzioni"),
  },
  not_at_site: { en: () => "does not belong to this site", it: () => "non appartiene a questa sede" },
  other_site: { en: () => "belongs to another site", it: () => "appartiene a un'altra sede" },
  programme_site: {
    en: () => "is not a site of this programme",
    it: () => "non è una sede di questo programma",
  },
  same_region: { en: () => "must be in the same region", it: () => "deve essere nella stessa regione" },
  not_member: { en: () => "is not a member of the group", it: () => "non è membro del gruppo" },
  outside_group: { en: () => "is not in the group", it: () => "non fa parte del gruppo" },
  capacity: {
    en: ({ p }) =>
      p.max === undefined
        ? "is more than the group can hold"
        : `is more than the group can hold (at most ${num(p.max)} at a time)`,
    it: ({ p }) =>
      p.max === undefined
        ? "supera la capienza del gruppo"
        : `supera la capienza del gruppo (al massimo ${num(p.max)} alla volta)`,
  },
  imr_capacity: {
    en: ({ p }) =>
      p.max === undefined
        ? "is more than an IMR group can hold"
        : `is more than an IMR group can hold: at most ${num(p.max)}`,
    it: ({ p }) =>
      p.max === undefined
        ? "supera la capienza di un gruppo IMR"
        : `supera la capienza di un gruppo IMR: al massimo ${num(p.max)}`,
  },
  below_members: {
    en: ({ p }) =>
      p.min === undefined
        ? "is below the number of members"
        : `is below the number of members: at least ${num(p.min)}`,
    it: ({ p }) =>
      p.min === undefined
        ? "è inferiore al numero di membri"
        : `è inferiore al numero di membri: almeno ${num(p.min)}`,
  },
  requires_case_manager: {
    en: () => "needs a case manager first",
    it: () => "richiede prima un case manager",
  },
  not_for_role: {
    en: () => "does not apply to this role",
    it: () => "non si applica a questo ruolo",
  },
  has_plan: { en: () => "already has a treatment plan", it: () => "ha già un piano di trattamento" },
  forbidden: { en: () => "is not allowed for you", it: () => "non ti è consentito" },
  unchanged: { en: () => "must be different from before", it: () => "deve essere diverso da prima" },
  mismatch: { en: () => "does not match", it: () => "non corrisponde" },
  exists: { en: () => "already exists", it: () => "esiste già" },
  reserved: { en: () => "is reserved", it: () => "è riservato" },
  unknown: { en: () => "is not known", it: () => "non è noto" },
  unsupported: { en: () => "is not supported", it: () => "non è supportato" },
  file_type: {
    en: ({ values }) =>
      values ? `must be one of these types: ${values}` : "is not a type of file accepted here",
    it: ({ values }) =>
      values ? `deve essere di uno di questi tipi: ${values}` : "non è un tipo di file accettato qui",
  },
  file_content: {
    en: () => "does not contain what its extension says (the file's first bytes do not match)",
    it: () => "non contiene ciò che dice la sua estensione (i primi byte del file non corrispondono)",
  },
  file_too_large: {
    en: ({ p }) => (p.max === undefined ? "is too large" : `is larger than ${num(p.max)} MB`),
    it: ({ p }) => (p.max === undefined ? "è troppo grande" : `supera ${numIt(p.max)} MB`),
  },
  order: { en: () => "is out of order", it: () => "non è nell'ordine giusto" },
  too_long: { en: () => "is too long", it: () => "è troppo lungo" },
  too_deep: { en: () => "is nested too deeply", it: () => "è annidato troppo in profondità" },
  last_administrator: {
    en: () => "cannot be removed from the last administrator",
    it: () => "non può essere tolto all'ultimo amministratore",
  },
  option: {
    en: ({ values }) => (values ? `must be one of ${values}` : "is not one of the options"),
    it: ({ values }) => (values ? `scegli ${values}` : "non è tra le opzioni"),
  },
  not_allowed: { en: () => "is not allowed here", it: () => "non è ammesso qui" },
  exclusive: {
    en: () => "cannot be given together with the item answers",
    it: () => "non può essere indicato insieme alle risposte agli item",
  },
  no_total: { en: () => "has no total score", it: () => "non ha un punteggio totale" },
  test_not_for_outcome: {
    en: ({ values }) =>
      values ? `cannot analyse this outcome: use ${values}` : "cannot analyse this outcome",
    it: ({ values }) =>
      values ? `non può analizzare questo esito: usa ${values}` : "non può analizzare questo esito",
  },
  grouping_required: {
    en: () => "is required: this test compares groups",
    it: () => "è obbligatorio: questo test confronta gruppi",
  },
  same_as_outcome: {
    en: () => "cannot be the outcome itself",
    it: () => "non può coincidere con l'esito",
  },
  no_low_items: { en: () => "leaves no item at or below it", it: () => "non lascia item pari o inferiori" },
  respondent: {
    en: () => "is not who completes this instrument",
    it: () => "non è chi compila questo strumento",
  },
  skipped_item: {
    en: () => "applies only when an earlier item allows it",
    it: () => "si applica solo quando un item precedente lo consente",
  },
  texts_included: {
    en: () => "is not needed: this instrument ships its own texts",
    it: () => "non serve: questo strumento ha già i suoi testi",
  },
  unknown_instrument: {
    en: () => "is not an instrument of the library",
    it: () => "non è uno strumento della libreria",
  },
  unknown_item: { en: () => "is not an item of this scale", it: () => "non è un item di questa scala" },
  unknown_scale: { en: () => "is not a fidelity scale", it: () => "non è una scala di fedeltà" },
  unknown_type: {
    en: () => "is not an intervention type of the programme's practice",
    it: () => "non è un tipo di intervento della pratica del programma",
  },
  taxonomy: {
    en: () => "is neither a type of the base taxonomy nor of any practice",
    it: () => "non è un tipo della tassonomia di base né di alcuna pratica",
  },
  base_taxonomy: {
    en: () => "is already a type of the base taxonomy",
    it: () => "è già un tipo della tassonomia di base",
  },
  module: { en: () => "is not a module of this practice", it: () => "non è un modulo di questa pratica" },
  age_band: { en: () => "is outside the age band", it: () => "è fuori dalla fascia d'età" },
  target_diagnosis: { en: () => "is not a target diagnosis", it: () => "non è una diagnosi prevista" },
  new_to_service: {
    en: () => "is not new to the service",
    it: () => "non è un nuovo accesso al servizio",
  },
  cycle: {
    en: () => "closes a cycle: a change cannot cause itself",
    it: () => "chiude un ciclo: un cambiamento non può causare se stesso",
  },
  self_loop: { en: () => "cannot lead to itself", it: () => "non può portare a se stesso" },
  edge_type: {
    en: () => "links two things that cannot be linked",
    it: () => "collega due elementi che non possono essere collegati",
  },
  indicator_on_outcome_or_output: {
    en: () => "can be given only to outcomes and outputs",
    it: () => "può essere assegnato solo a esiti e prodotti",
  },
  upload: { en: () => "could not be read", it: () => "non è stato possibile leggerlo" },
  // report texts and region boundaries (issue 12)
  unknown_placeholder: {
    en: ({ p }) =>
      p.placeholder === undefined
        ? "has a placeholder this text does not have"
        : `has {${String(p.placeholder)}}, which is not a placeholder of this text`,
    it: ({ p }) =>
      p.placeholder === undefined
        ? "contiene un segnaposto che questo testo non ha"
        : `contiene {${String(p.placeholder)}}, che non è un segnaposto di questo testo`,
  },
  json: { en: () => "is not valid JSON", it: () => "non è un JSON valido" },
  geometry_type: {
    en: () => "must be a Polygon or a MultiPolygon",
    it: () => "deve essere un Polygon o un MultiPolygon",
  },
  ring_not_closed: {
    en: () => "is a ring whose last position is not its first",
    it: () => "è un anello la cui ultima posizione non coincide con la prima",
  },
  ring_too_short: {
    en: () => "is a ring with fewer than 4 positions",
    it: () => "è un anello con meno di 4 posizioni",
  },
  coordinate_range: {
    en: () => "must be [longitude, latitude] with longitude in −180…180 and latitude in −90…90",
    it: () =>
      "deve essere [longitudine, latitudine] con longitudine tra −180 e 180 e latitudine tra −90 e 90",
  },
  unknown_area: {
    en: ({ p }) =>
      p.area === undefined
        ? "names an area that is not an area of the region"
        : `names area "${String(p.area)}", which is not an area of the region`,
    it: ({ p }) =>
      p.area === undefined
        ? "indica un'area che non è della regione"
        : `indica l'area "${String(p.area)}", che non è un'area della regione`,
  },
  coordinator_in_team: {
    en: () => "cannot be turned off while this professional coordinates the team",
    it: () => "non può essere tolto finché questo professionista coordina il team",
  },
  left_before_joined: {
    en: () => "cannot be before the day they joined",
    it: () => "non può precedere la data di ingresso",
  },
  left_not_in_team: {
    en: () => "a professional who has left the site cannot be in the implementation team",
    it: () => "chi ha lasciato la sede non può far parte del team di implementazione",
  },
  before_opening: {
    en: () => "cannot be before the opening date",
    it: () => "non può precedere la data di apertura",
  },
  immutable: {
    en: () => "cannot be changed once created",
    it: () => "non può essere cambiato dopo la creazione",
  },
  // care pathways (issue 13, part 3)
  before_referral: {
    en: () => "cannot be before the referral date",
    it: () => "non può precedere la data dell'invio",
  },
  only_when_decided: {
    en: () => "is given only once the service has decided",
    it: () => "si indica solo dopo la decisione del servizio",
  },
  only_when_declined: {
    en: () => "is given only when the referral is declined",
    it: () => "si indica solo se l'invio è stato rifiutato",
  },
  only_when_accepted: {
    en: () => "is given only when the referral is accepted",
    it: () => "si indica solo se l'invio è stato accettato",
  },
  inactive_service: {
    en: () => "is a service no longer active in the directory",
    it: () => "è un servizio non più attivo nell'elenco",
  },
  same_service: {
    en: () => "cannot be the service the patient is referred to",
    it: () => "non può essere il servizio a cui il paziente è inviato",
  },
  // the password policy
  common: {
    en: () => "is among the most common passwords; choose another",
    it: () => "è tra le password più comuni; scegline un'altra",
  },
  same_as_username: {
    en: () => "cannot be the user name",
    it: () => "non può coincidere con il nome utente",
  },
  // text the server refuses anywhere
  nul_character: {
    en: () => "contains a character that is not allowed",
    it: () => "contiene un carattere non consentito",
  },
  invalid_unicode: {
    en: () => "contains a character that is not allowed",
    it: () => "contiene un carattere non consentito",
  },
};

const CHECKS: Record<string, { en: string; it: string }> = {
  age_band: { en: "the age band", it: "la fascia d'età" },
  target_diagnosis: { en: "the target diagnosis", it: "la diagnosi prevista" },
  new_to_service: { en: "the new-to-service rule", it: "il criterio di nuovo accesso al servizio" },
};

function checkList(lang: MessageLanguage, checks: string[] | undefined): string {
  const named = (checks ?? []).map((c) => CHECKS[c]?.[lang] ?? c);
  if (named.length === 0) return lang === "en" ? "the eligibility rules" : "i criteri di inclusione";
  return list(lang, named, "and");
}

/** "a, b or c" / "a, b o c" (or "and" / "e"). */
export function list(lang: MessageLanguage, items: string[], join: "or" | "and" = "or"): string {
  if (items.length <= 1) return items.join("");
  const word = join === "or" ? (lang === "en" ? " or " : " o ") : lang === "en" ? " and " : " e ";
  return `${items.slice(0, -1).join(", ")}${word}${items[items.length - 1]}`;
}

export const KNOWN_RULES: ReadonlySet<string> = new Set(Object.keys(RULES));

/**
 * Rules whose English server sentence names the API rather than the form (`overrideReason`, a
 * question's code): their message always comes from this layer. For every other rule an English
 * reader sees the server's sentence when it says more than this layer's ("2031-01-01 is in the
 * future (today is …)", "item 9 needs its wording"), and this layer's labelled sentence when the
 * server's is the layer's own; every other language reads this layer's translation (see
 * `useDescribeIssue` in the web app). The server never sends zod's text (error-handler.ts).
 */
export const GENERIC_RULES: ReadonlySet<string> = new Set([
  // "is already used" beside the field says it; the server's sentence repeats the value
  "unique",
  "not_eligible",
  "other_dbt_group",
  "unanswered",
  "already_enrolled",
  "min_above_max",
  "end_before_start",
]);
export const isKnownRule = (rule: string): boolean => KNOWN_RULES.has(rule);

export interface MessageOptions {
  /** The field's own label as the user sees it ("Birth year"); without it, the predicate alone. */
  label?: string | null | undefined;
  /** How the form names an allowed value (a select's option label); the code itself otherwise. */
  valueLabel?: ((value: string | number | boolean | null) => string) | undefined;
}

/**
 * The message for one issue: "Birth year is required", "Sesso: scegli F, M, X o U"; without a
 * label "is required" / "campo obbligatorio". An unknown rule reads as "is not valid".
 */
export function validationMessage(
  issue: ValidationIssue,
  lang: MessageLanguage,
  options: MessageOptions = {},
): string {
  const p = issue.params ?? {};
  const rule = RULES[issue.rule] ?? RULES.custom!;
  const shown = Array.isArray(p.values)
    ? p.values.map((v) => (options.valueLabel ? options.valueLabel(v) : String(v)))
    : [];
  const predicate = rule[lang]({ p, values: shown.length ? list(lang, shown) : "" });
  const label = options.label?.trim();
  if (!label) return predicate;
  // A question as the label ("Has the team a coordinator?") reads as a sentence of its own: the
  // predicate follows as the next one, not after "?:" or as its verb
  if (label.endsWith("?")) return `${label} ${predicate.charAt(0).toUpperCase()}${predicate.slice(1)}`;
  return lang === "en" ? `${label} ${predicate}` : `${label}: ${predicate}`;
}
