import type { FastifyRequest } from "fastify";
import { sql } from "kysely";
import { principalOf } from "../infra/auth/plugin.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import { AppError, forbidden, notFound } from "../infra/http/errors.ts";
import type { ProgrammeScope } from "./access/planning.ts";

export interface PlanningSite {
  id: number;
  code: string;
  name: string;
}

export interface ProgrammeWithSites extends ProgrammeScope {
  sites: PlanningSite[];
}

/** Whether the programme runs at the site (programme_sites links them). */
export async function programmeRunsAt(db: Executor, programmeId: number, siteId: number): Promise<boolean> {
  const link = await db
    .selectFrom("programme_sites")
    .select("site_id")
    .where("programme_id", "=", programmeId)
    .where("site_id", "=", siteId)
    .executeTakeFirst();
  return link !== undefined;
}

/** A programme with its sites (by code), in one query; undefined when unknown. */
export async function loadProgrammeScope(db: Executor, id: number): Promise<ProgrammeWithSites | undefined> {
  const row = await db
    .selectFrom("programmes as p")
    .select((eb) => [
      "p.id",
      "p.code",
      "p.region_id",
      eb
        .selectFrom("programme_sites as ps")
        .innerJoin("sites as s", "s.id", "ps.site_id")
        .select(
          sql<
            PlanningSite[]
          >`coalesce(jsonb_agg(jsonb_build_object('id', s.id, 'code', s.code, 'name', s.name) order by s.code), '[]'::jsonb)`.as(
            "sites",
          ),
        )
        .whereRef("ps.programme_id", "=", "p.id")
        .as("sites"),
    ])
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const sites = (row.sites ?? []) as PlanningSite[];
  return { id: row.id, code: row.code, regionId: row.region_id, siteIds: sites.map((s) => s.id), sites };
}

/**
 * The programme of the request and the principal, after checking that the programme exists
 * (404), that the site — when there is one — is one of its sites (404), and that `allowed` lets
 * the principal in (403 with `why`).
 */
export async function resolveProgramme(
  db: Executor,
  req: FastifyRequest,
  programmeId: number,
  siteId: number | null,
  allowed: (p: Principal, programme: ProgrammeWithSites) => boolean,
  why: string,
): Promise<{ principal: Principal; programme: ProgrammeWithSites }> {
  const principal = principalOf(req);
  const programme = await loadProgrammeScope(db, programmeId);
  if (!programme) throw notFound("programme");
  if (siteId !== null && !programme.siteIds.includes(siteId)) {
    const site = await db.selectFrom("sites").select("code").where("id", "=", siteId).executeTakeFirst();
    if (!site) throw notFound("site");
    throw new AppError("not_found", `site ${site.code} is not a site of programme ${programme.code}`);
  }
  if (!allowed(principal, programme)) throw forbidden(why);
  return { principal, programme };
}

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
