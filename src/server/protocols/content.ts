import { newItemId } from "../planning/public.ts";
import type { ProtocolContentInput, ProtocolContentT } from "./schemas.ts";

/** Give every dimension and case study without an id a fresh one (ids are kept across versions). */
export function withItemIds(input: ProtocolContentInput): ProtocolContentT {
  return {
    title: input.title,
    summary: input.summary,
    dimensions: input.dimensions.map((d) => ({
      id: d.id ?? newItemId("dim"),
      title: d.title,
      expected: d.expected,
      examples: d.examples,
      caseStudies: d.caseStudies.map((c) => ({
        id: c.id ?? newItemId("case"),
        title: c.title,
        text: c.text,
      })),
    })),
  };
}

/** Two dimensions, or two case studies of one dimension, with one id: the field of the second. */
export function duplicateIds(content: ProtocolContentInput): Array<{ field: string; id: string }> {
  const out: Array<{ field: string; id: string }> = [];
  const dims = new Set<string>();
  content.dimensions.forEach((d, i) => {
    if (d.id !== undefined) {
      if (dims.has(d.id)) out.push({ field: `body.dimensions.${i}.id`, id: d.id });
      dims.add(d.id);
    }
    const cases = new Set<string>();
    d.caseStudies.forEach((c, j) => {
      if (c.id === undefined) return;
      if (cases.has(c.id)) out.push({ field: `body.dimensions.${i}.caseStudies.${j}.id`, id: c.id });
      cases.add(c.id);
    });
  });
  return out;
}

export interface SearchEntry {
  kind: "protocol" | "dimension" | "example" | "case_study";
  dimensionId: string | null;
  title: string;
  body: string;
}

/** The pieces full-text search looks in: the protocol, each dimension, each example, each case study. */
export function searchEntries(content: ProtocolContentT): SearchEntry[] {
  const out: SearchEntry[] = [
    { kind: "protocol", dimensionId: null, title: content.title, body: content.summary },
  ];
  for (const d of content.dimensions) {
    out.push({ kind: "dimension", dimensionId: d.id, title: d.title, body: d.expected });
    for (const e of d.examples) out.push({ kind: "example", dimensionId: d.id, title: d.title, body: e });
    for (const c of d.caseStudies)
      out.push({ kind: "case_study", dimensionId: d.id, title: c.title, body: c.text });
  }
  return out;
}
