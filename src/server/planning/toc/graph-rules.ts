import type { FieldIssue } from "../../infra/http/errors.ts";
import type { NodeType } from "./schemas.ts";

/**
 * What a Theory of Change graph may contain. The causal chain runs input → activity → output →
 * outcome → impact: an arrow may skip a level forwards (an activity straight to an outcome) and
 * link two activities, outputs or outcomes (a sequence, intermediate outcomes), but never go
 * backwards, start from the impact, or lead into an input. Assumptions and risks are conditions:
 * they point at the activity, output, outcome or impact they condition, and nothing points at
 * them. No self-loops, no arrow drawn twice, no cycle.
 */
interface Node {
  id: string;
  type: NodeType;
  text: string;
  indicatorIds: string[];
}
interface Edge {
  from: string;
  to: string;
}

const RANK: Partial<Record<NodeType, number>> = { activity: 1, output: 2, outcome: 3, impact: 4 };
const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
const describe = (n: Node) => `${n.type} "${n.text.length > 60 ? `${n.text.slice(0, 57)}...` : n.text}"`;

/** Why an arrow from `from` to `to` makes no sense; null when it does. */
export function edgeProblem(from: NodeType, to: NodeType): string | null {
  if (to === "assumption" || to === "risk")
    return `nothing leads to ${article(to)}: draw the arrow from the ${to} to the node it conditions`;
  if (from === "assumption" || from === "risk")
    return to === "input"
      ? `${article(from)} conditions activities, outputs, outcomes or the impact, not inputs`
      : null;
  if (to === "input")
    return `an input is a resource activities use: nothing leads to it, it leads to activities`;
  if (from === "input")
    return to === "activity" ? null : `an input leads to the activities that use it, not to ${article(to)}`;
  if (from === "impact") return `the impact is the end of the chain: it cannot lead to ${article(to)}`;
  if (RANK[to]! < RANK[from]!)
    return `${article(from)} cannot lead back to ${article(to)}: the chain runs input → activity → output → outcome → impact`;
  return null;
}

export function tocIssues(nodes: Node[], edges: Edge[], base = "body"): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byId = new Map<string, Node>();
  nodes.forEach((n, i) => {
    if (byId.has(n.id))
      issues.push({
        field: `${base}.nodes.${i}.id`,
        rule: "unique",
        message: `the id "${n.id}" is used twice`,
      });
    byId.set(n.id, n);
    if (n.indicatorIds.length && n.type !== "outcome" && n.type !== "output")
      issues.push({
        field: `${base}.nodes.${i}.indicatorIds`,
        rule: "indicator_on_outcome_or_output",
        message: `only outcomes and outputs carry indicators, not ${article(n.type)}`,
      });
  });

  const valid: Array<{ index: number; from: string; to: string }> = [];
  const drawn = new Map<string, number>();
  edges.forEach((e, i) => {
    const field = `${base}.edges.${i}`;
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from)
      issues.push({ field: `${field}.from`, rule: "reference", message: `no node has the id "${e.from}"` });
    if (!to)
      issues.push({ field: `${field}.to`, rule: "reference", message: `no node has the id "${e.to}"` });
    if (!from || !to) return;
    if (e.from === e.to) {
      issues.push({ field, rule: "self_loop", message: `the ${describe(from)} cannot lead to itself` });
      return;
    }
    const problem = edgeProblem(from.type, to.type);
    if (problem) {
      issues.push({ field, rule: "edge_type", message: `${describe(from)} → ${describe(to)}: ${problem}` });
      return;
    }
    const key = `${e.from}\u0000${e.to}`;
    const twice = drawn.get(key);
    if (twice !== undefined) {
      issues.push({
        field,
        rule: "duplicate",
        message: `the arrow ${describe(from)} → ${describe(to)} is already drawn (edges.${twice})`,
      });
      return;
    }
    drawn.set(key, i);
    valid.push({ index: i, from: e.from, to: e.to });
  });

  // Cycles: a depth-first search; an arrow back to a node on the current path closes one.
  const out = new Map<string, Array<{ index: number; to: string }>>();
  for (const e of valid) out.set(e.from, [...(out.get(e.from) ?? []), { index: e.index, to: e.to }]);
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (id: string) => {
    state.set(id, "open");
    path.push(id);
    for (const e of out.get(id) ?? []) {
      const s = state.get(e.to);
      if (s === "open") {
        const loop = [...path.slice(path.indexOf(e.to)), e.to].map((n) => describe(byId.get(n)!));
        issues.push({
          field: `${base}.edges.${e.index}`,
          rule: "cycle",
          message: `this arrow closes a cycle: ${loop.join(" → ")}; a change cannot cause itself`,
        });
      } else if (s === undefined) visit(e.to);
    }
    path.pop();
    state.set(id, "done");
  };
  for (const n of nodes) if (!state.has(n.id)) visit(n.id);
  return issues;
}
