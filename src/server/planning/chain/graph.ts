/**
 * The traceable chain of a plan (issue 13, part 7), as pure functions: SANA finding → SWOT item
 * → ToC node → plan activity → indicator → roadmap objective. Elements are identified by kind
 * and the stable key of the item in its artefact's current version; links come from the
 * artefacts themselves (an activity's `tocOutputNodeId`, a ToC node's `indicatorIds`) or from
 * `planning_chain_links`. See docs/planning.md "The chain".
 */

export const CHAIN_KINDS = [
  "sana_finding",
  "swot_item",
  "toc_node",
  "activity",
  "indicator",
  "roadmap_objective",
] as const;
export type ChainKind = (typeof CHAIN_KINDS)[number];

/** The kind a link from `kind` must lead to (the next step of the chain); null after the last. */
export function nextKind(kind: ChainKind): ChainKind | null {
  return CHAIN_KINDS[CHAIN_KINDS.indexOf(kind) + 1] ?? null;
}

export interface ChainElement {
  kind: ChainKind;
  key: string;
  label: string;
  /** ToC node type (outputs must lead to an indicator; activities must come from an output). */
  detail: string | null;
}

export interface ChainLinkInput {
  /** Stored link id; null for a link carried by an artefact. */
  id: number | null;
  from: { kind: ChainKind; key: string };
  to: { kind: ChainKind; key: string };
  source: "stored" | "artefact";
}

export type FlagKind =
  | "activity_without_output"
  | "output_without_indicator"
  | "swot_without_activity"
  | "broken_link";

export interface ChainFlag {
  flag: FlagKind;
  kind: ChainKind;
  key: string;
  /** For a broken link: the link; which end is missing. */
  linkIndex: number | null;
  missing: "from" | "to" | null;
}

export interface ChainNode extends ChainElement {
  /** false: the item is gone from the artefact's current version (a link still names it). */
  exists: boolean;
}

export interface ChainLink extends ChainLinkInput {
  broken: boolean;
}

export interface ChainGraph {
  nodes: ChainNode[];
  links: ChainLink[];
  flags: ChainFlag[];
}

export const ref = (kind: string, key: string) => `${kind}:${key}`;

/**
 * The graph of a scope: every element, every link (artefact links first, a stored link that
 * repeats one dropped), each link broken when one of its ends is not in the current versions —
 * the missing end added as a node with `exists: false` — and the flags.
 */
export function buildChain(elements: ChainElement[], links: ChainLinkInput[]): ChainGraph {
  const nodes = new Map<string, ChainNode>();
  for (const e of elements)
    if (!nodes.has(ref(e.kind, e.key))) nodes.set(ref(e.kind, e.key), { ...e, exists: true });
  const seen = new Set<string>();
  const out: ChainLink[] = [];
  const flags: ChainFlag[] = [];
  const ordered = [
    ...links.filter((l) => l.source === "artefact"),
    ...links.filter((l) => l.source === "stored"),
  ];
  for (const l of ordered) {
    const id = `${ref(l.from.kind, l.from.key)}>${ref(l.to.kind, l.to.key)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const fromGone = !nodes.get(ref(l.from.kind, l.from.key))?.exists;
    const toGone = !nodes.get(ref(l.to.kind, l.to.key))?.exists;
    for (const [end, gone] of [
      [l.from, fromGone],
      [l.to, toGone],
    ] as const) {
      if (gone && !nodes.has(ref(end.kind, end.key)))
        nodes.set(ref(end.kind, end.key), {
          kind: end.kind,
          key: end.key,
          label: end.key,
          detail: null,
          exists: false,
        });
    }
    out.push({ ...l, broken: fromGone || toGone });
    if (fromGone || toGone)
      flags.push({
        flag: "broken_link",
        kind: fromGone ? l.from.kind : l.to.kind,
        key: fromGone ? l.from.key : l.to.key,
        linkIndex: out.length - 1,
        missing: fromGone ? "from" : "to",
      });
  }
  const live = out.filter((l) => !l.broken);
  const outgoing = (n: ChainNode) => live.filter((l) => l.from.kind === n.kind && l.from.key === n.key);
  const incoming = (n: ChainNode) => live.filter((l) => l.to.kind === n.kind && l.to.key === n.key);
  const present = [...nodes.values()].filter((n) => n.exists);
  const at = (k: string) => nodes.get(k)!;
  for (const n of present) {
    const flag = (f: FlagKind) =>
      flags.push({ flag: f, kind: n.kind, key: n.key, linkIndex: null, missing: null });
    if (
      n.kind === "activity" &&
      !incoming(n).some((l) => at(ref(l.from.kind, l.from.key)).detail === "output")
    )
      flag("activity_without_output");
    if (n.kind === "toc_node" && n.detail === "output" && !outgoing(n).some((l) => l.to.kind === "indicator"))
      flag("output_without_indicator");
    if (
      n.kind === "swot_item" &&
      !follow({ nodes: [...nodes.values()], links: live }, n).downstream.some((x) =>
        x.startsWith("activity:"),
      )
    )
      flag("swot_without_activity");
  }
  return { nodes: [...nodes.values()], links: out, flags };
}

/**
 * Following the chain from one element both ways: every element reachable downstream (along
 * the links) and upstream (against them), as `kind:key` refs, in breadth-first order. Broken
 * links are followed too, so their missing end shows where the chain stops.
 */
export function follow(
  graph: Pick<ChainGraph, "links"> & { nodes: Array<{ kind: string; key: string }> },
  start: { kind: string; key: string },
): { upstream: string[]; downstream: string[] } {
  const walk = (forward: boolean) => {
    const found: string[] = [];
    const queue = [ref(start.kind, start.key)];
    const seen = new Set(queue);
    while (queue.length) {
      const here = queue.shift()!;
      for (const l of graph.links) {
        const a = ref(l.from.kind, l.from.key);
        const b = ref(l.to.kind, l.to.key);
        const [src, dst] = forward ? [a, b] : [b, a];
        if (src === here && !seen.has(dst)) {
          seen.add(dst);
          found.push(dst);
          queue.push(dst);
        }
      }
    }
    return found;
  };
  return { upstream: walk(false), downstream: walk(true) };
}
