import type { z } from "zod";
import type { ChainView as ChainViewSchema } from "../../../../server/planning/chain/schemas.ts";

export type ChainView = z.infer<typeof ChainViewSchema>;
export type ChainNode = ChainView["nodes"][number];
export type ChainLink = ChainView["links"][number];
export type ChainKind = ChainNode["kind"];

export const CHAIN_ORDER: ChainKind[] = [
  "sana_finding",
  "swot_item",
  "toc_node",
  "activity",
  "indicator",
  "roadmap_objective",
];
export const nextKind = (k: ChainKind): ChainKind | null => CHAIN_ORDER[CHAIN_ORDER.indexOf(k) + 1] ?? null;
export const previousKind = (k: ChainKind): ChainKind | null =>
  CHAIN_ORDER[CHAIN_ORDER.indexOf(k) - 1] ?? null;
export const refOf = (n: { kind: string; key: string }) => `${n.kind}:${n.key}`;
