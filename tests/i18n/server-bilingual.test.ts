import { describe, expect, it } from "vitest";
import type { InstrumentDefinition } from "../../src/server/measures/instruments/definition.ts";
import { LIBRARY } from "../../src/server/measures/instruments/library/index.ts";
import { TEMPLATES } from "../../src/server/planning/templates/catalogue.ts";
import {
  localiseTemplate,
  templatePhrasebook,
  templateTexts,
} from "../../src/server/planning/templates/localise.ts";
import { RULES } from "../../src/shared/validation-messages.ts";
import { INSTRUMENT_TEXTS_IT } from "../../src/web/features/measures/instruments/instrument-texts.it.ts";

/**
 * The server's bilingual data: every text of a shipped planning template, of the instrument
 * library (bands, flags, sub-scales, notes, reliable change, Praxis's own item texts) and of the
 * validation layer exists in English and in Italian, and no Italian entry is left over.
 */

describe("planning templates", () => {
  for (const template of TEMPLATES.values()) {
    it(`${template.id}: every text has its Italian, and every Italian entry is used`, () => {
      const texts = templateTexts(template);
      const book = templatePhrasebook(template.id, "it") ?? {};
      expect([...texts].filter((s) => book[s] === undefined)).toEqual([]);
      expect(Object.keys(book).filter((s) => !texts.has(s))).toEqual([]);
      expect(Object.entries(book).filter(([, v]) => v.trim() === "")).toEqual([]);
    });

    it(`${template.id}: localised, ids, codes and numbers are unchanged`, () => {
      const italian = localiseTemplate(template, "it");
      const strip = (v: unknown, key: string | null): unknown => {
        if (typeof v === "string")
          return key && ["id", "code", "type", "kind", "from", "to"].includes(key) ? v : "";
        if (Array.isArray(v)) return v.map((x) => strip(x, null));
        if (v && typeof v === "object")
          return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x, k)]));
        return v;
      };
      expect(strip(italian, null)).toEqual(strip(template, null));
      expect(italian.toc.nodes[0]!.text).not.toBe(template.toc.nodes[0]!.text);
      expect(localiseTemplate(template, "en")).toBe(template);
    });
  }
});

/** The library's own texts shown to users (the licensed item texts are not: docs/instruments.md). */
function libraryTexts(def: InstrumentDefinition): string[] {
  const out: string[] = [];
  for (const b of def.bands ?? []) out.push(b.label);
  for (const s of def.subscales ?? []) {
    out.push(s.name);
    for (const b of s.bands ?? []) out.push(b.label);
  }
  for (const f of def.flags ?? []) out.push(f.message);
  out.push(...(def.notes ?? []));
  if (def.reliableChange) out.push(def.reliableChange.source);
  if (!def.licence.textsIncluded) for (const i of def.items) if (i.text) out.push(i.text);
  return out;
}

describe("instrument library", () => {
  it("every band, flag, sub-scale, note and reliable-change text has its Italian", () => {
    const missing = LIBRARY.flatMap((def) =>
      libraryTexts(def)
        .filter((s) => INSTRUMENT_TEXTS_IT[s] === undefined)
        .map((s) => `${def.code}: ${s}`),
    );
    expect(missing).toEqual([]);
  });

  it("no Italian entry is left over", () => {
    const used = new Set(LIBRARY.flatMap(libraryTexts));
    expect(Object.keys(INSTRUMENT_TEXTS_IT).filter((s) => !used.has(s))).toEqual([]);
  });
});

describe("validation layer", () => {
  it.each(Object.keys(RULES))("%s has a sentence in English and in Italian, and they differ", (rule) => {
    const ctx = { p: {}, values: "" };
    const en = RULES[rule]!.en(ctx);
    const it_ = RULES[rule]!.it(ctx);
    expect(en.trim()).not.toBe("");
    expect(it_.trim()).not.toBe("");
    expect(it_).not.toBe(en);
  });
});
