import type { z } from "zod";
import { type InstrumentDefinition, textsShippedIn } from "./definition.ts";
import type { InstrumentDetail, InstrumentSummary } from "./schemas.ts";
import { reliableChangePoints } from "./score.ts";
import type { StoredWording } from "./wording.ts";

/**
 * The library entry as the API lists it. `textsIncluded`: whether the library ships the texts in
 * the reader's `language` (English only: see SHIPPED_TEXTS_LANGUAGE).
 */
export function summarise(
  def: InstrumentDefinition,
  wordingLoaded: boolean,
  language: string,
): z.infer<typeof InstrumentSummary> {
  return {
    code: def.code,
    name: def.name,
    version: def.version,
    respondents: def.respondents,
    textsIncluded: textsShippedIn(def, language),
    wordingLoaded,
    total: def.total ? { ...def.total.range, method: def.total.method } : null,
    items: def.items.length,
  };
}

/**
 * The full definition for the administration form in `language`: the shipped texts when the
 * library has them in that language, else the wording the service loaded for it (or none:
 * score-only). Never the English texts under another language's wording, nor mixed.
 */
export function describe(
  def: InstrumentDefinition,
  wording: StoredWording | undefined,
  language: string,
): z.infer<typeof InstrumentDetail> {
  const points = reliableChangePoints(def);
  const shipped = textsShippedIn(def, language);
  // a score-only instrument's own texts are Praxis's (SCID-5-PD's "… number of criteria"), not the
  // licensed wording: shown as before, the web app translating them
  const own = !def.licence.textsIncluded;
  const pick = (library: string | undefined, loaded: string | undefined) =>
    (shipped ? library : own ? (library ?? loaded) : loaded) ?? null;
  return {
    ...summarise(def, wording !== undefined, language),
    instructions: pick(def.instructions, wording?.instructions),
    source: def.source,
    licenceNotice: def.licence.notice,
    loinc: { panel: def.loinc?.panel ?? null, total: def.loinc?.total ?? null },
    higherIsBetter: def.higherIsBetter,
    itemCount: def.items.length,
    items: def.items.map((i) => ({
      id: i.id,
      text: pick(i.text, wording?.items[i.id]),
      options: i.options.map((o) => ({
        value: o.value,
        label: pick(o.label, wording?.options[i.id]?.[String(o.value)]),
      })),
      reversed: i.reversed ?? false,
      loinc: i.loinc ?? null,
    })),
    subscales: (def.subscales ?? []).map((s) => ({ code: s.code, name: s.name, items: s.items ?? [] })),
    bands: def.bands ?? [],
    flags: (def.flags ?? []).map((f) => ({ code: f.code, message: f.message })),
    reliableChange: points === null ? null : { points, source: def.reliableChange!.source },
    notes: def.notes ?? [],
  };
}
