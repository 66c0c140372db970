import type { TocContent } from "../types.ts";

/** The server's reasons for refusing a diagram, by arrow and by node id (`edges.3` → the fourth arrow). */
export function tocProblems(fields: Record<string, string>, toc: TocContent) {
  const edges = new Map<string, string>();
  const nodes = new Map<string, string>();
  for (const [path, message] of Object.entries(fields)) {
    const edge = /^edges\.(\d+)/.exec(path);
    const node = /^nodes\.(\d+)/.exec(path);
    const add = (map: Map<string, string>, id: string | undefined) => {
      if (id === undefined) return;
      map.set(id, map.has(id) ? `${map.get(id)}; ${message}` : message);
    };
    if (edge) add(edges, toc.edges[Number(edge[1])]?.id);
    else if (node) add(nodes, toc.nodes[Number(node[1])]?.id);
  }
  return { edges, nodes };
}
