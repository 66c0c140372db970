import type { FieldIssue } from "../infra/http/errors.ts";
import type { ReportLanguage } from "./request.ts";
import { type ReportTexts, TEXTS } from "./texts.ts";

/**
 * The report's text sections a programme may reword (per language): the prose paragraphs of
 * texts.ts, not the table headers and labels. A section's own wording may use the placeholders its
 * default template has (`{programme}`, `{to}`…: the report fills them with the figures) and no
 * other; it is at most TEXT_MAX characters.
 */
export const TEXT_SECTIONS = [
  "programmeIntro",
  "enrolmentText",
  "earlyText",
  "assessmentText",
  "psychosocialText",
  "groupsText",
  "plansText",
  "caseText",
  "familyText",
  "funnelText",
  "noData",
] as const satisfies ReadonlyArray<keyof ReportTexts>;
export type TextSection = (typeof TEXT_SECTIONS)[number];

export const TEXT_MAX = 2000;

const SLOT = /\{([^{}]*)\}/g;

/** The placeholders of a section's default template (the same in every language). */
export function placeholdersOf(section: TextSection): string[] {
  const names = new Set<string>();
  for (const m of TEXTS.en[section].matchAll(SLOT)) names.add(m[1]!);
  return [...names];
}

/**
 * The problems of a section's new wording, each naming `field`: blank, longer than TEXT_MAX, or a
 * `{…}` that is not one of the section's placeholders (named, with the allowed ones). Empty: fine.
 */
export function checkSectionText(section: TextSection, text: string, field = "body.text"): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (text.trim() === "") issues.push({ field, rule: "blank", message: "cannot be blank" });
  if (text.length > TEXT_MAX)
    issues.push({
      field,
      rule: "too_big",
      params: { max: TEXT_MAX, origin: "string", inclusive: true },
      message: `must be at most ${TEXT_MAX} characters (it has ${text.length})`,
    });
  const allowed = placeholdersOf(section);
  const seen = new Set<string>();
  for (const m of text.matchAll(SLOT)) {
    const name = m[1]!;
    if (allowed.includes(name) || seen.has(name)) continue;
    seen.add(name);
    issues.push({
      field,
      rule: "unknown_placeholder",
      params: { placeholder: name, values: allowed },
      message: `{${name}} is not a placeholder of this text (${allowed.length ? allowed.map((a) => `{${a}}`).join(", ") : "it has none"})`,
    });
  }
  return issues;
}

export interface TextOverride {
  section: string;
  text: string | null;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

/** The texts of the report in a language with the programme's own wordings put in. */
export function effectiveTexts(lang: ReportLanguage, overrides: readonly TextOverride[]): ReportTexts {
  const texts = { ...TEXTS[lang] };
  for (const o of overrides)
    if (o.text !== null && (TEXT_SECTIONS as readonly string[]).includes(o.section))
      texts[o.section as TextSection] = o.text;
  return texts;
}

/** Each section as an editor sees it: the default, the effective text, whether it is the programme's own. */
export function sectionsView(lang: ReportLanguage, overrides: readonly TextOverride[]) {
  const bySection = new Map(overrides.map((o) => [o.section, o]));
  return TEXT_SECTIONS.map((section) => {
    const o = bySection.get(section);
    const own = o?.text ?? null;
    return {
      section,
      defaultText: TEXTS[lang][section],
      text: own ?? TEXTS[lang][section],
      overridden: own !== null,
      placeholders: placeholdersOf(section),
      version: o?.version ?? 0,
      updatedBy: o?.updatedBy ?? null,
      updatedAt: o?.updatedAt ?? null,
    };
  });
}
