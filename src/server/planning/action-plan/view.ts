import type { Db } from "../../infra/db/database.ts";
import { today } from "../../infra/time/civil-date.ts";
import { isOverdue } from "./overdue.ts";
import {
  ACTIVITY_STATUSES,
  type ActionPlanContent,
  type ActionPlanViewT,
  type ActivityStatus,
} from "./schemas.ts";
import { tocOutputs } from "./toc-outputs.ts";

/** The plan as read: each activity with its overdue flag and its ToC output resolved; a summary. */
export async function actionPlanView(
  db: Db,
  programmeId: number,
  siteId: number | null,
  content: ActionPlanContent,
  asOf = today(),
): Promise<ActionPlanViewT> {
  const outputs = await tocOutputs(db, programmeId, siteId);
  const byStatus = Object.fromEntries(ACTIVITY_STATUSES.map((s) => [s, 0])) as Record<ActivityStatus, number>;
  let activities = 0;
  let overdue = 0;
  const strategicAreas = content.strategicAreas.map((sa) => ({
    id: sa.id!,
    title: sa.title,
    description: sa.description,
    subAreas: sa.subAreas.map((sub) => ({
      id: sub.id!,
      title: sub.title,
      activities: sub.activities.map((a) => {
        const late = isOverdue(a, asOf);
        activities += 1;
        byStatus[a.status] += 1;
        if (late) overdue += 1;
        return {
          ...a,
          id: a.id!,
          tocOutput: (a.tocOutputNodeId && outputs.get(a.tocOutputNodeId)) || null,
          overdue: late,
        };
      }),
    })),
  }));
  return { strategicAreas, summary: { today: asOf, activities, overdue, byStatus } };
}
