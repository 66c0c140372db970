import { newId } from "../new-id.ts";
import type { NodeType, TocContent, TocEdgeData, TocNodeData } from "../types.ts";
import { carriesIndicators } from "./node-kinds.ts";
import { positionsOf } from "./toc-layout.ts";

/** Changes to a Theory of Change draft, as pure functions of the content. */

export function addNode(toc: TocContent, type: NodeType, text: string): { toc: TocContent; id: string } {
  const id = newId(type);
  const placed = toc.nodes.length > 0 && toc.nodes.every((n) => n.position !== null);
  let position: TocNodeData["position"] = null;
  if (placed) {
    // Beside the diagram, at the height of the nodes of the same type (the layout button tidies up).
    const all = positionsOf(toc);
    const xs = [...all.values()].map((p) => p.x);
    const same = toc.nodes.filter((n) => n.type === type).map((n) => all.get(n.id)!.y);
    const ys = [...all.values()].map((p) => p.y);
    const y = same.length ? same.reduce((a, b) => a + b, 0) / same.length : Math.max(...ys) + 120;
    position = { x: Math.max(...xs) + 260, y: Math.round(y) };
  }
  return { toc: { ...toc, nodes: [...toc.nodes, { id, type, text, indicatorIds: [], position }] }, id };
}

export function changeNode(toc: TocContent, id: string, patch: Partial<TocNodeData>): TocContent {
  return {
    ...toc,
    nodes: toc.nodes.map((n) => {
      if (n.id !== id) return n;
      const next = { ...n, ...patch };
      return carriesIndicators(next.type) ? next : { ...next, indicatorIds: [] };
    }),
  };
}

export function removeNodes(toc: TocContent, ids: string[]): TocContent {
  const gone = new Set(ids);
  return {
    nodes: toc.nodes.filter((n) => !gone.has(n.id)),
    edges: toc.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to)),
  };
}

export function addEdge(
  toc: TocContent,
  from: string,
  to: string,
  rationale = "",
): { toc: TocContent; id: string } {
  const id = newId("arrow");
  return { toc: { ...toc, edges: [...toc.edges, { id, from, to, rationale }] }, id };
}

export function changeEdge(toc: TocContent, id: string, patch: Partial<TocEdgeData>): TocContent {
  return { ...toc, edges: toc.edges.map((e) => (e.id === id ? { ...e, ...patch } : e)) };
}

export function removeEdges(toc: TocContent, ids: string[]): TocContent {
  const gone = new Set(ids);
  return { ...toc, edges: toc.edges.filter((e) => !gone.has(e.id)) };
}

export function moveNode(toc: TocContent, id: string, position: { x: number; y: number }): TocContent {
  const p = { x: Math.round(position.x), y: Math.round(position.y) };
  return { ...toc, nodes: toc.nodes.map((n) => (n.id === id ? { ...n, position: p } : n)) };
}

/** Every node placed where the automatic layout puts it. */
export function layOut(toc: TocContent, positions: Map<string, { x: number; y: number }>): TocContent {
  return { ...toc, nodes: toc.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) };
}

/** The save body: only outcomes and outputs keep indicators. */
export const tocBody = (toc: TocContent) => ({
  nodes: toc.nodes.map((n) => ({
    id: n.id,
    type: n.type,
    text: n.text,
    indicatorIds: carriesIndicators(n.type) ? n.indicatorIds : [],
    position: n.position,
  })),
  edges: toc.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, rationale: e.rationale })),
});
