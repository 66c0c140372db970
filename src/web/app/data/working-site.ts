import { useCurrentUser } from "../session.ts";
import { registrySites } from "./registry-access.ts";
import type { Timeline } from "./registry-types.ts";

/**
 * The site where the user records a patient's care from the patient page: the site of the
 * patient's open enrolment where the user works, else of any enrolment, else the site that
 * registered the patient, else the user's first site. Null when the user records nowhere.
 */
export function useWorkingSite(timeline: Timeline): { id: number; code: string } | null {
  const me = useCurrentUser();
  const mine = registrySites(me);
  const byId = new Map(mine.map((s) => [s.id, s]));
  const open = timeline.enrolments.filter((e) => !e.endDate || e.endDate >= timeline.asOf);
  const candidates = [
    ...open.map((e) => e.siteId),
    ...timeline.enrolments.map((e) => e.siteId),
    timeline.patient.registeredSiteId,
  ];
  for (const id of candidates) {
    const site = id === null ? undefined : byId.get(id);
    if (site) return { id: site.id, code: site.code };
  }
  const first = mine[0];
  return first ? { id: first.id, code: first.code } : null;
}
