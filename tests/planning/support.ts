import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { today as regionToday } from "../../src/server/infra/time/civil-date.ts";
import { createUser } from "../../src/server/users/create-user.ts";
import { type Client, createWorld, login, PASSWORD, type Username, type World } from "../support/world.ts";

/**
 * The shared test world (BPD programme at S1+S2, IMR at S3) plus the users planning needs:
 * the coordinator of S2 and a regional coordinator of the other programme (IMR).
 */
export interface PlanningWorld extends World {
  user(name: PlanningUser): Promise<Client>;
  base: string;
}
export type PlanningUser = Username | "sitecoord2" | "imrcoord";

export async function createPlanningWorld(): Promise<PlanningWorld> {
  const w = await createWorld();
  await createUser(w.database.db, SYSTEM, {
    username: "sitecoord2",
    password: PASSWORD,
    grants: [{ role: "site_coordinator", programmeId: null, siteId: w.ids.sites.s2 }],
  });
  await createUser(w.database.db, SYSTEM, {
    username: "imrcoord",
    password: PASSWORD,
    grants: [{ role: "regional_coordinator", programmeId: w.ids.programmes.imr, siteId: null }],
  });
  const extra = new Map<string, Client>();
  return Object.assign(w, {
    base: `/api/programmes/${w.ids.programmes.bpd}/planning`,
    async user(name: PlanningUser) {
      if (name !== "sitecoord2" && name !== "imrcoord") return w.as(name);
      const cached = extra.get(name);
      if (cached) return cached;
      const c = await login(w.app, name, PASSWORD);
      extra.set(name, c);
      return c;
    },
  });
}

/** The region's civil day (PRAXIS_TIME_ZONE), the day the server computes "today" for. */
export const today = () => regionToday();
export const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Every user that can sign in, for table-driven access tests. */
export const EVERYONE: PlanningUser[] = [
  "admin",
  "coordinator",
  "imrcoord",
  "sitecoord1",
  "sitecoord2",
  "clinician1",
  "clinician2",
  "viewer",
];
