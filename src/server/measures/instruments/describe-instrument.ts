import type { z } from "zod";
import type { InstrumentDefinition } from "./definition.ts";
import type { InstrumentDetail, InstrumentSummary } from "./schemas.ts";
import { reliableChangePoints } from "./score.ts";
import type { StoredWording } from "./wording.ts";

/** The library entry as the API lists it. */
export function summarise(
  def: InstrumentDefinition,
  wordingLoaded: boolean,
): z.infer<typeof InstrumentSummary> {
  return {
    code: def.code,
    name: def.name,
    version: def.version,
    respondents: def.respondents,
    textsIncluded: def.licence.textsIncluded,
    wordingLoaded,
    total: def.total ? { ...def.total.range, method: def.total.method } : null,
    items: def.items.length,
  };
}

/** The full definition for the administration form, with a service's licensed wording merged in. */
export function describe(
  def: InstrumentDefinition,
  wording: StoredWording | undefined,
): z.infer<typeof InstrumentDetail> {
  const points = reliableChangePoints(def);
  return {
    ...summarise(def, wording !== undefined),
    instructions: def.instructions ?? wording?.instructions ?? null,
    source: def.source,
    licenceNotice: def.licence.notice,
    loinc: { panel: def.loinc?.panel ?? null, total: def.loinc?.total ?? null },
    higherIsBetter: def.higherIsBetter,
    itemCount: def.items.length,
    items: def.items.map((i) => ({
      id: i.id,
      text: i.text ?? wording?.items[i.id] ?? null,
      options: i.options.map((o) => ({
        value: o.value,
        label: o.label ?? wording?.options[i.id]?.[String(o.value)] ?? null,
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
