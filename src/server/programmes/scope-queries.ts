import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";

export interface ProgrammeScopeRow {
  id: number;
  code: string;
  name: string;
  siteIds: number[];
}

/** Every programme with the ids of its sites: the input of the programme access rules. */
export async function listProgrammeScopes(db: Db): Promise<ProgrammeScopeRow[]> {
  const [programmes, links] = await Promise.all([
    db.selectFrom("programmes").select(["id", "code", "name"]).orderBy("code").execute(),
    db.selectFrom("programme_sites").select(["programme_id", "site_id"]).execute(),
  ]);
  const byProgramme = new Map<number, number[]>();
  for (const l of links) {
    const list = byProgramme.get(l.programme_id) ?? [];
    list.push(l.site_id);
    byProgramme.set(l.programme_id, list);
  }
  return programmes.map((p) => ({ ...p, siteIds: byProgramme.get(p.id) ?? [] }));
}

export async function getProgrammeScope(db: Db, id: number): Promise<ProgrammeScopeRow | null> {
  const programme = await db
    .selectFrom("programmes")
    .select(["id", "code", "name"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!programme) return null;
  const links = await db
    .selectFrom("programme_sites")
    .select("site_id")
    .where("programme_id", "=", id)
    .execute();
  return { ...programme, siteIds: links.map((l) => l.site_id) };
}

/**
 * The regions a user coordinates: those of the programmes they hold a regional coordinator grant
 * for (a programme's sites lie in its region). Empty for anyone without such a grant.
 */
export async function coordinatorRegions(db: Executor, programmeIds: readonly number[]): Promise<number[]> {
  if (programmeIds.length === 0) return [];
  const rows = await db
    .selectFrom("programmes")
    .select("region_id")
    .distinct()
    .where("id", "in", [...programmeIds])
    .orderBy("region_id")
    .execute();
  return rows.map((r) => r.region_id);
}
