import type { ActionPlanContent, Activity, ActivityStatus, SubArea } from "../types.ts";

/** Changes to an action-plan draft and what is derived from it, as pure functions. */

export const STATUSES: ActivityStatus[] = ["planned", "in_progress", "done", "delayed", "dropped"];
export const STATUS_COLOR: Record<ActivityStatus, string> = {
  planned: "gray",
  in_progress: "blue",
  done: "teal",
  delayed: "orange",
  dropped: "dark",
};

const DAY = 86_400_000;
export const toDay = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
export const fromDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => fromDay(toDay(iso) + days);

/** As the server computes it: the end has passed and the activity is neither done nor dropped. */
export const isOverdue = (a: Pick<Activity, "end" | "status">, today: string) =>
  a.end < today && a.status !== "done" && a.status !== "dropped";

export interface Located {
  activity: Activity;
  area: number;
  sub: number;
  index: number;
  areaTitle: string;
  subTitle: string;
}

export function activitiesOf(plan: ActionPlanContent): Located[] {
  return plan.strategicAreas.flatMap((area, a) =>
    area.subAreas.flatMap((sub, s) =>
      sub.activities.map((activity, index) => ({
        activity,
        area: a,
        sub: s,
        index,
        areaTitle: area.title,
        subTitle: sub.title,
      })),
    ),
  );
}

export type ActivityValues = Omit<Activity, "id" | "overdue" | "tocOutput">;

function mapSub(
  plan: ActionPlanContent,
  area: number,
  sub: number,
  f: (s: SubArea) => SubArea,
): ActionPlanContent {
  return {
    ...plan,
    strategicAreas: plan.strategicAreas.map((a, i) =>
      i === area ? { ...a, subAreas: a.subAreas.map((s, j) => (j === sub ? f(s) : s)) } : a,
    ),
  };
}

export const putActivity = (
  plan: ActionPlanContent,
  area: number,
  sub: number,
  index: number | null,
  values: ActivityValues,
  id: string,
): ActionPlanContent =>
  mapSub(plan, area, sub, (s) => {
    const activity: Activity = { ...values, id, overdue: false, tocOutput: null };
    const activities = [...s.activities];
    if (index === null) activities.push(activity);
    else activities[index] = { ...activities[index]!, ...activity };
    return { ...s, activities };
  });

export const removeActivity = (plan: ActionPlanContent, area: number, sub: number, index: number) =>
  mapSub(plan, area, sub, (s) => ({ ...s, activities: s.activities.filter((_, i) => i !== index) }));

/** Move an activity in time by `days`, keeping its length. */
export const shiftActivity = (plan: ActionPlanContent, id: string, days: number): ActionPlanContent => ({
  ...plan,
  strategicAreas: plan.strategicAreas.map((a) => ({
    ...a,
    subAreas: a.subAreas.map((s) => ({
      ...s,
      activities: s.activities.map((x) =>
        x.id === id ? { ...x, start: addDays(x.start, days), end: addDays(x.end, days) } : x,
      ),
    })),
  })),
});

/** The save body: the content without what the server derives (overdue, resolved ToC output, summary). */
export const planBody = (plan: ActionPlanContent) => ({
  strategicAreas: plan.strategicAreas.map((a) => ({
    id: a.id || undefined,
    title: a.title,
    description: a.description,
    subAreas: a.subAreas.map((s) => ({
      id: s.id || undefined,
      title: s.title,
      activities: s.activities.map(({ overdue: _o, tocOutput: _t, id, ...rest }) => ({
        id: id || undefined,
        ...rest,
      })),
    })),
  })),
});
