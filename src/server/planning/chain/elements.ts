import { BUILT_IN, loadUserDefinitions } from "../../indicators/public.ts";
import type { Executor } from "../../infra/db/executor.ts";
import { artefactsAtCurrentVersion } from "../versions/repository.ts";
import type { ChainElement, ChainKind, ChainLinkInput } from "./graph.ts";

interface Contents {
  sana_template?: { areas?: Array<{ indicators?: Array<{ id: string; name: string }> }> };
  sana?: { values?: Array<{ indicatorId: string; value: unknown }> };
  swot?: { items?: Array<{ id: string; quadrant: string; text: string }> };
  toc?: { nodes?: Array<{ id: string; type: string; text: string; indicatorIds?: string[] }> };
  action_plan?: {
    strategicAreas?: Array<{
      subAreas?: Array<{
        activities?: Array<{ id: string; title: string; tocOutputNodeId?: string | null }>;
      }>;
    }>;
  };
  roadmap?: { objectives?: Array<{ id: string; objective: string }> };
}

const KINDS = ["sana_template", "sana", "swot", "toc", "action_plan", "roadmap"] as const;

/**
 * The elements of a scope's chain and the links its artefacts carry, read from the current
 * versions in one query (plus the indicator definitions): the scope's SANA findings (the
 * template's indicators, with the scope's value), SWOT items, ToC nodes, activities and roadmap
 * objectives; the engine's indicators. A site's activity may address an output of the regional
 * Theory of Change (as the plan's own rules allow): that output is then an element too.
 */
export async function loadChainElements(
  db: Executor,
  programmeId: number,
  siteId: number | null,
): Promise<{ elements: ChainElement[]; links: ChainLinkInput[] }> {
  const [rows, own] = await Promise.all([
    artefactsAtCurrentVersion(db)
      .select(["a.kind", "a.site_id", "v.content"])
      .where("a.programme_id", "=", programmeId)
      .where("a.kind", "in", [...KINDS])
      .where((eb) =>
        siteId === null
          ? eb("a.site_id", "is", null)
          : eb.or([eb("a.site_id", "is", null), eb("a.site_id", "=", siteId)]),
      )
      .execute(),
    loadUserDefinitions(db, programmeId),
  ]);
  const here: Contents = {};
  let regionToc: Contents["toc"];
  for (const r of rows) {
    const kind = r.kind as (typeof KINDS)[number];
    if (kind === "toc" && r.site_id === null) regionToc = r.content as Contents["toc"];
    if (kind === "sana_template" || r.site_id === siteId) (here as Record<string, unknown>)[kind] = r.content;
  }
  const elements: ChainElement[] = [];
  const links: ChainLinkInput[] = [];
  const add = (kind: ChainKind, key: string, label: string, detail: string | null = null) =>
    elements.push({ kind, key, label, detail });
  const link = (fk: ChainKind, fkey: string, tk: ChainKind, tkey: string) =>
    links.push({ id: null, from: { kind: fk, key: fkey }, to: { kind: tk, key: tkey }, source: "artefact" });

  const values = new Map((here.sana?.values ?? []).map((v) => [v.indicatorId, v.value]));
  for (const area of here.sana_template?.areas ?? [])
    for (const i of area.indicators ?? []) {
      const v = values.get(i.id);
      add("sana_finding", i.id, v === undefined || v === null ? i.name : `${i.name}: ${String(v)}`);
    }
  for (const s of here.swot?.items ?? []) add("swot_item", s.id, s.text, s.quadrant);
  const tocNodes = here.toc?.nodes ?? [];
  for (const n of tocNodes) {
    add("toc_node", n.id, n.text, n.type);
    for (const ind of n.indicatorIds ?? []) link("toc_node", n.id, "indicator", ind);
  }
  const ownIds = new Set(tocNodes.map((n) => n.id));
  const regionOutputs = new Map(
    siteId === null ? [] : (regionToc?.nodes ?? []).filter((n) => n.type === "output").map((n) => [n.id, n]),
  );
  const borrowed = new Set<string>();
  for (const area of here.action_plan?.strategicAreas ?? [])
    for (const sub of area.subAreas ?? [])
      for (const a of sub.activities ?? []) {
        add("activity", a.id, a.title);
        const out = a.tocOutputNodeId;
        if (!out) continue;
        link("toc_node", out, "activity", a.id);
        const regional = regionOutputs.get(out);
        if (!ownIds.has(out) && regional && !borrowed.has(out)) {
          borrowed.add(out);
          add("toc_node", out, regional.text, "output");
          for (const ind of regional.indicatorIds ?? []) link("toc_node", out, "indicator", ind);
        }
      }
  for (const d of [...BUILT_IN, ...own.map((o) => o.definition)]) add("indicator", d.id, d.label);
  for (const o of here.roadmap?.objectives ?? []) add("roadmap_objective", o.id, o.objective);
  return { elements, links };
}
