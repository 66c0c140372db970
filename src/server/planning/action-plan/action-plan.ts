import { sheetColumns } from "../../../shared/xlsx.ts";
import type { Db } from "../../infra/db/database.ts";
import { type ArtefactSpec, regionAndSiteMounts } from "../versions/artefact-routes.ts";
import { checkActionPlan } from "./rules.ts";
import { ActionPlanBody, type ActionPlanContent, ActionPlanView, type ActionPlanViewT } from "./schemas.ts";
import { planForSite, professionalsAt } from "./site-copy.ts";
import { actionPlanView } from "./view.ts";

const rowsOf = (content: ActionPlanViewT) =>
  content.strategicAreas.flatMap((sa) =>
    sa.subAreas.flatMap((sub) => sub.activities.map((a) => ({ sa, sub, a }))),
  );

const responsible = (a: { responsibleActor: string; responsibleProfessionalCode: string | null }) =>
  [a.responsibleActor, a.responsibleProfessionalCode && `(${a.responsibleProfessionalCode})`]
    .filter(Boolean)
    .join(" ");

/**
 * The action plan, for the region or a site: strategic areas → sub-areas → activities with
 * responsible actor, dates, stakeholders, target population, final beneficiaries, status and the
 * ToC output served. Read with an overdue flag per activity.
 */
export const actionPlanSpec: ArtefactSpec<ActionPlanContent, ActionPlanViewT> = {
  kind: "action_plan",
  what: "action plan",
  mounts: regionAndSiteMounts("action-plan", "action_plan"),
  body: ActionPlanBody,
  viewSchema: ActionPlanView,
  empty: () => ({ strategicAreas: [] }),
  fromRegion: {
    automatic: true,
    adapt: async (ctx, region) =>
      planForSite(region, (await professionalsAt(ctx.db, [ctx.owner.siteId!])).get(ctx.owner.siteId!)!),
  },
  prepare: (ctx, content) => checkActionPlan(ctx.db, ctx.programme, ctx.owner.siteId, content),
  view: (ctx, content) => actionPlanView(ctx.db as Db, ctx.owner.programmeId, ctx.owner.siteId, content),
  sheets: (_ctx, content) => [
    {
      name: "Activities",
      columns: sheetColumns({
        "Strategic area": 26,
        "Sub-area": 26,
        Activity: 36,
        Responsible: 22,
        Start: 11,
        End: 11,
        Status: 12,
        Overdue: 9,
        Stakeholders: 28,
        "Target population": 26,
        "Final beneficiaries": 26,
        "ToC output": 28,
        "Copied from": 12,
      }),
      rows: rowsOf(content).map(({ sa, sub, a }) => [
        sa.title,
        sub.title,
        a.title,
        responsible(a),
        a.start,
        a.end,
        a.status,
        a.overdue,
        a.stakeholders.join("; "),
        a.targetPopulation,
        a.finalBeneficiaries,
        a.tocOutput?.text ?? a.tocOutputNodeId ?? "",
        a.originId ?? "",
      ]),
    },
  ],
  report: (_ctx, content, meta) => ({
    title: `Action plan — ${meta.scope}`,
    lines: [
      `${content.summary.activities} activities, ${content.summary.overdue} overdue on ${content.summary.today}`,
    ],
    sections: content.strategicAreas.flatMap((sa) =>
      sa.subAreas.map((sub) => ({
        heading: `${sa.title} — ${sub.title}`,
        columns: [
          { header: "Activity", weight: 3 },
          { header: "Responsible", weight: 1.6 },
          { header: "Timing", weight: 1.4 },
          { header: "Status", weight: 1 },
          { header: "Stakeholders", weight: 1.8 },
          { header: "Target population / beneficiaries", weight: 2.2 },
        ],
        rows: sub.activities.map((a) => [
          a.title + (a.tocOutput ? `\nServes: ${a.tocOutput.text}` : ""),
          responsible(a),
          `${a.start} – ${a.end}`,
          a.status.replace("_", " ") + (a.overdue ? " (OVERDUE)" : ""),
          a.stakeholders.join(", "),
          [a.targetPopulation, a.finalBeneficiaries].filter(Boolean).join(" / "),
        ]),
        empty: "No activities yet.",
      })),
    ),
  }),
};
