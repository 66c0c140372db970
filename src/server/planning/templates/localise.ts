import type { MessageLanguage } from "../../../shared/validation-messages.ts";
import { IMPLEMENTAL_IT } from "./implemental.it.ts";
import type { PlanningTemplate } from "./template.ts";

/**
 * A template's texts in a language. Templates are written in English with, per other language,
 * a phrasebook keyed by the English wording (`implemental.it.ts`); ids, codes, types and numbers
 * are the same in every language. The template is shown in the reader's language, and applied
 * in the language the applying user asks for (by default their own): what is applied becomes
 * the programme's own content, stored in that one language (docs/planning.md).
 */
const PHRASEBOOKS: Record<string, Partial<Record<MessageLanguage, Readonly<Record<string, string>>>>> = {
  implemental: { it: IMPLEMENTAL_IT },
};

/** The fields of a template's parts that hold words; every other field is an id, code or number. */
export const TEMPLATE_TEXT_FIELDS: ReadonlySet<string> = new Set([
  "name",
  "description",
  "title",
  "unit",
  "label",
  "text",
  "rationale",
]);

/** Every non-empty text of a template (for the phrasebook's completeness test). */
export function templateTexts(template: PlanningTemplate): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, key: string | null): void => {
    if (typeof v === "string") {
      if (key !== null && TEMPLATE_TEXT_FIELDS.has(key) && v.trim() !== "") out.add(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x, null);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(template, null);
  return out;
}

/** The template with its texts in `language` (English: unchanged). A text without translation throws. */
export function localiseTemplate(template: PlanningTemplate, language: MessageLanguage): PlanningTemplate {
  if (language === "en") return template;
  const book = PHRASEBOOKS[template.id]?.[language];
  if (!book) throw new Error(`template ${template.id} has no ${language} texts`);
  const map = (v: unknown, key: string | null): unknown => {
    if (typeof v === "string") {
      if (key === null || !TEMPLATE_TEXT_FIELDS.has(key) || v.trim() === "") return v;
      const translated = book[v];
      if (translated === undefined)
        throw new Error(`template ${template.id}: no ${language} text for "${v}"`);
      return translated;
    }
    if (Array.isArray(v)) return v.map((x) => map(x, null));
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x, k)]));
    return v;
  };
  return map(template, null) as PlanningTemplate;
}

/** The phrasebook of a template in a language, for tests. */
export function templatePhrasebook(
  id: string,
  language: MessageLanguage,
): Readonly<Record<string, string>> | undefined {
  return PHRASEBOOKS[id]?.[language];
}
