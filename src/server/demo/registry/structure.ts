import type { Db } from "../../infra/db/database.ts";
import { dayOf } from "./calendar.ts";

/** The parts of the demo structure (written by `seed-region.ts`) the registry generator builds on. */
export interface Professional {
  code: string;
  profile: string;
  inTeam: boolean;
}

export interface SiteInfo {
  id: number;
  code: string;
  areaCode: string | null;
  professionals: Professional[];
}

export interface ProgrammeInfo {
  id: number;
  code: string;
  /** implementation phase, as day numbers; `end` null when open */
  implementationStart: number;
  implementationEnd: number | null;
  sites: SiteInfo[];
}

export async function loadStructure(db: Db, codes: string[]): Promise<Map<string, ProgrammeInfo>> {
  const programmes = await db
    .selectFrom("programmes")
    .select(["id", "code"])
    .where("code", "in", codes)
    .orderBy("code")
    .execute();
  const out = new Map<string, ProgrammeInfo>();
  if (programmes.length === 0) return out;
  const ids = programmes.map((p) => p.id);
  const [phases, sites, professionals] = await Promise.all([
    db
      .selectFrom("programme_phases")
      .select(["programme_id", "phase", "start_date", "end_date"])
      .where("programme_id", "in", ids)
      .execute(),
    db
      .selectFrom("programme_sites as ps")
      .innerJoin("sites as s", "s.id", "ps.site_id")
      .leftJoin("areas as a", "a.id", "s.area_id")
      .select(["ps.programme_id", "s.id", "s.code", "a.code as area_code"])
      .where("ps.programme_id", "in", ids)
      .orderBy("s.id")
      .execute(),
    db
      .selectFrom("professionals")
      .select(["site_id", "code", "profile", "in_implementation_team"])
      // who left the site delivers no care in the demo
      .where("left_on", "is", null)
      .orderBy("code")
      .execute(),
  ]);
  const bySite = new Map<number, Professional[]>();
  for (const p of professionals) {
    const list = bySite.get(p.site_id) ?? [];
    list.push({ code: p.code, profile: p.profile, inTeam: p.in_implementation_team });
    bySite.set(p.site_id, list);
  }
  for (const p of programmes) {
    const implementation =
      phases.find((ph) => ph.programme_id === p.id && ph.phase === "implementation") ??
      phases
        .filter((ph) => ph.programme_id === p.id)
        .sort((a, b) => (a.start_date < b.start_date ? -1 : 1))[0];
    if (!implementation)
      throw new Error(`programme ${p.code} has no phases; the demo registry needs its dates`);
    out.set(p.code, {
      id: p.id,
      code: p.code,
      implementationStart: dayOf(implementation.start_date),
      implementationEnd: implementation.end_date ? dayOf(implementation.end_date) : null,
      sites: sites
        .filter((s) => s.programme_id === p.id)
        .map((s) => ({
          id: s.id,
          code: s.code,
          areaCode: s.area_code,
          professionals: bySite.get(s.id) ?? [],
        })),
    });
  }
  return out;
}
