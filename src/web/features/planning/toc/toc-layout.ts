import { Graph, layout } from "@dagrejs/dagre";
import type { TocContent } from "../types.ts";
import { NODE_WIDTH, nodeHeight } from "./node-kinds.ts";

export type Positions = Map<string, { x: number; y: number }>;

/**
 * Automatic layout of a Theory of Change with dagre: the chain runs upwards, inputs at the
 * bottom and the impact at the top, conditions beside what they condition. Positions are the
 * nodes' top-left corners, as React Flow places them.
 */
export function layoutToc(toc: Pick<TocContent, "nodes" | "edges">): Positions {
  const g = new Graph();
  g.setGraph({ rankdir: "BT", nodesep: 24, ranksep: 60, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of toc.nodes)
    g.setNode(n.id, { width: NODE_WIDTH, height: nodeHeight(n.indicatorIds.length) });
  for (const e of toc.edges) if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to);
  layout(g);
  const positions: Positions = new Map();
  for (const n of toc.nodes) {
    const p = g.node(n.id) as { x: number; y: number; width: number; height: number };
    positions.set(n.id, { x: Math.round(p.x - p.width / 2), y: Math.round(p.y - p.height / 2) });
  }
  return positions;
}

/** Every node's position: its own, or the automatic layout's for those without one. */
export function positionsOf(toc: Pick<TocContent, "nodes" | "edges">): Positions {
  const missing = toc.nodes.some((n) => n.position === null);
  const auto = missing ? layoutToc(toc) : new Map();
  return new Map(toc.nodes.map((n) => [n.id, n.position ?? auto.get(n.id) ?? { x: 0, y: 0 }]));
}
