import { sheetColumns } from "../../../shared/xlsx.ts";
import { issuesError } from "../../infra/http/errors.ts";
import { withIds } from "../schemas.ts";
import { type ArtefactSpec, regionAndSiteMounts } from "../versions/artefact-routes.ts";
import { tocIssues } from "./graph-rules.ts";
import { TocBody, type TocContent, TocView } from "./schemas.ts";

/**
 * A Theory of Change, for the region or a site: nodes (impact, outcomes, outputs, activities,
 * inputs, assumptions, risks) and arrows with their rationale. A graph that makes no sense is
 * refused with an explanation naming each offending arrow (`body.edges.N`). Outcomes and outputs
 * name indicators of the indicator engine by id; the web fetches their values.
 */
export const tocSpec: ArtefactSpec<TocContent> = {
  kind: "toc",
  what: "Theory of Change",
  mounts: regionAndSiteMounts("toc", "toc"),
  body: TocBody,
  viewSchema: TocView,
  empty: () => ({ nodes: [], edges: [] }),
  fromRegion: { automatic: true, adapt: (_ctx, region) => region },
  async prepare(_ctx, content) {
    const issues = tocIssues(content.nodes, content.edges);
    if (issues.length) throw issuesError(issues);
    return { nodes: content.nodes, edges: withIds(content.edges, "edge") };
  },
  sheets: (_ctx, content) => {
    const text = new Map(content.nodes.map((n) => [n.id, n.text]));
    return [
      {
        name: "Nodes",
        columns: sheetColumns({ Id: 14, Type: 12, Text: 60, Indicators: 30 }),
        rows: content.nodes.map((n) => [n.id, n.type, n.text, n.indicatorIds.join("; ")]),
      },
      {
        name: "Arrows",
        columns: sheetColumns({ From: 40, To: 40, Rationale: 60 }),
        rows: content.edges.map((e) => [text.get(e.from) ?? e.from, text.get(e.to) ?? e.to, e.rationale]),
      },
    ];
  },
};
