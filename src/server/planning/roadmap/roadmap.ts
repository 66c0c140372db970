import { sheetColumns } from "../../../shared/xlsx.ts";
import { checkUniqueIds, Issues } from "../issues.ts";
import { withIds } from "../schemas.ts";
import { type ArtefactSpec, regionAndSiteMounts } from "../versions/artefact-routes.ts";
import { RoadmapBody, type RoadmapContent, RoadmapView } from "./schemas.ts";

/**
 * The implementation roadmap (post-implementation), for the region and each site: objectives,
 * the conditions for reaching them, timeframes and status.
 */
export const roadmapSpec: ArtefactSpec<RoadmapContent> = {
  kind: "roadmap",
  what: "implementation roadmap",
  mounts: regionAndSiteMounts("roadmap", "roadmap"),
  body: RoadmapBody,
  viewSchema: RoadmapView,
  empty: () => ({ objectives: [] }),
  async prepare(_ctx, content) {
    const issues = new Issues();
    const objectives = withIds(content.objectives, "obj");
    checkUniqueIds(issues, objectives, "body.objectives");
    issues.throwIfAny();
    return { objectives };
  },
  sheets: (_ctx, content) => [
    {
      name: "Roadmap",
      columns: sheetColumns({
        Objective: 50,
        Conditions: 50,
        Timeframe: 20,
        "Target date": 12,
        Responsible: 24,
        Status: 12,
        Note: 40,
      }),
      rows: content.objectives.map((o) => [
        o.objective,
        o.conditions.join("\n"),
        o.timeframe,
        o.targetDate,
        o.responsible,
        o.status,
        o.note,
      ]),
    },
  ],
  report: (_ctx, content, meta) => ({
    title: `Implementation roadmap — ${meta.scope}`,
    lines: [],
    sections: [
      {
        heading: "Objectives",
        columns: [
          { header: "Objective", weight: 3 },
          { header: "Conditions", weight: 3 },
          { header: "Timeframe", weight: 1.4 },
          { header: "Responsible", weight: 1.4 },
          { header: "Status", weight: 1 },
        ],
        rows: content.objectives.map((o) => [
          o.objective,
          o.conditions.map((c) => `• ${c}`).join("\n"),
          [o.timeframe, o.targetDate].filter(Boolean).join("\n"),
          o.responsible,
          o.status.replace("_", " "),
        ]),
        empty: "No objectives yet.",
      },
    ],
  }),
};
