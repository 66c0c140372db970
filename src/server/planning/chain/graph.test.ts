import { describe, expect, it } from "vitest";
import { buildChain, type ChainElement, type ChainLinkInput, follow, nextKind } from "./graph.ts";

const el = (kind: ChainElement["kind"], key: string, detail: string | null = null): ChainElement => ({
  kind,
  key,
  label: key,
  detail,
});
const link = (
  from: [ChainElement["kind"], string],
  to: [ChainElement["kind"], string],
  source: "stored" | "artefact" = "stored",
): ChainLinkInput => ({
  id: source === "stored" ? 1 : null,
  from: { kind: from[0], key: from[1] },
  to: { kind: to[0], key: to[1] },
  source,
});

const ELEMENTS = [
  el("sana_finding", "f1"),
  el("swot_item", "w1", "weakness"),
  el("toc_node", "o1", "output"),
  el("activity", "a1"),
  el("indicator", "i1"),
  el("roadmap_objective", "r1"),
];
const FULL = [
  link(["sana_finding", "f1"], ["swot_item", "w1"]),
  link(["swot_item", "w1"], ["toc_node", "o1"]),
  link(["toc_node", "o1"], ["activity", "a1"], "artefact"),
  link(["toc_node", "o1"], ["indicator", "i1"], "artefact"),
  link(["activity", "a1"], ["indicator", "i1"]),
  link(["indicator", "i1"], ["roadmap_objective", "r1"]),
];
const flagsOf = (elements: ChainElement[], links: ChainLinkInput[]) =>
  buildChain(elements, links).flags.map((f) => `${f.flag} ${f.kind}:${f.key}`);

describe("the planning chain", () => {
  it("steps one kind at a time", () => {
    expect(nextKind("sana_finding")).toBe("swot_item");
    expect(nextKind("indicator")).toBe("roadmap_objective");
    expect(nextKind("roadmap_objective")).toBeNull();
  });

  it.each<[string, ChainElement[], ChainLinkInput[], string[]]>([
    ["a complete chain has no flag", ELEMENTS, FULL, []],
    [
      "an activity addressing no ToC output",
      ELEMENTS,
      FULL.filter((l) => !(l.to.kind === "activity")),
      ["activity_without_output activity:a1", "swot_without_activity swot_item:w1"],
    ],
    [
      "an activity reached from a ToC node that is not an output",
      [...ELEMENTS.filter((e) => e.key !== "o1"), el("toc_node", "o1", "outcome")],
      FULL,
      ["activity_without_output activity:a1"],
    ],
    [
      "a ToC output with no indicator",
      ELEMENTS,
      FULL.filter((l) => !(l.from.kind === "toc_node" && l.to.kind === "indicator")),
      ["output_without_indicator toc_node:o1"],
    ],
    [
      "a SWOT item with no activity downstream",
      [...ELEMENTS, el("swot_item", "w2", "threat")],
      FULL,
      ["swot_without_activity swot_item:w2"],
    ],
    [
      "a link whose target was deleted in a later version",
      ELEMENTS.filter((e) => e.key !== "r1"),
      FULL,
      ["broken_link roadmap_objective:r1"],
    ],
    [
      "an activity whose ToC output is gone: the link is broken and the activity flagged",
      ELEMENTS.filter((e) => e.key !== "o1"),
      FULL,
      [
        "broken_link toc_node:o1",
        "broken_link toc_node:o1",
        "broken_link toc_node:o1",
        "swot_without_activity swot_item:w1",
        "activity_without_output activity:a1",
      ],
    ],
  ])("%s", (_name, elements, links, flags) => {
    expect(flagsOf(elements, links).sort()).toEqual([...flags].sort());
  });

  it("keeps a missing end as a node that does not exist, and drops a stored link the artefacts carry", () => {
    const g = buildChain(
      ELEMENTS.filter((e) => e.key !== "r1"),
      [...FULL, link(["toc_node", "o1"], ["activity", "a1"], "stored")],
    );
    expect(g.nodes.find((n) => n.key === "r1")).toMatchObject({ exists: false, kind: "roadmap_objective" });
    expect(g.links.filter((l) => l.to.key === "a1" && l.from.key === "o1")).toHaveLength(1);
    expect(g.links.find((l) => l.to.key === "r1")?.broken).toBe(true);
  });

  it("follows the chain both ways from any element", () => {
    const g = buildChain(ELEMENTS, FULL);
    expect(follow(g, { kind: "toc_node", key: "o1" })).toEqual({
      upstream: ["swot_item:w1", "sana_finding:f1"],
      downstream: ["activity:a1", "indicator:i1", "roadmap_objective:r1"],
    });
    expect(follow(g, { kind: "roadmap_objective", key: "r1" }).upstream).toEqual([
      "indicator:i1",
      "toc_node:o1",
      "activity:a1",
      "swot_item:w1",
      "sana_finding:f1",
    ]);
    expect(follow(g, { kind: "sana_finding", key: "f1" }).upstream).toEqual([]);
  });
});
