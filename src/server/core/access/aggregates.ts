import type { FastifyRequest } from "fastify";
import { principalOf } from "../../infra/auth/plugin.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import { forbidden, notFound } from "../../infra/http/errors.ts";
import { loadProgrammeScope, type ProgrammeWithSites } from "../programme-scope.ts";
import { canReadProgramme, coordinatedProgrammes, isAdmin, memberSites } from "./roles.ts";

export interface AggregateAccess {
  principal: Principal;
  programme: ProgrammeWithSites;
  /**
   * Viewers (and users who take part in the programme only through a site role) see aggregates
   * with small cells (1–4 people) suppressed; administrators and the programme's regional
   * coordinators see every count.
   */
  suppressSmallCells: boolean;
}

/** What a programme-level figure needs of the access: the programme, and whether to suppress small cells. */
export type ProgrammeFigures = Pick<AggregateAccess, "programme" | "suppressSmallCells">;

/** A period asked for: either end may be left open. */
export interface PeriodQuery {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * A programme-level aggregate view (outcomes, correlation, funnel): readable by administrators,
 * its regional coordinators, viewers and users of its sites — never patient-level rows.
 */
export async function openAggregate(
  db: Db,
  req: FastifyRequest,
  programmeId: number,
): Promise<AggregateAccess> {
  const principal = principalOf(req);
  const programme = await loadProgrammeScope(db, programmeId);
  if (!programme) throw notFound("programme");
  if (!canReadProgramme(principal, programme))
    throw forbidden("you may see the figures only of a programme you take part in", "not_your_programme");
  const full = isAdmin(principal) || coordinatedProgrammes(principal).includes(programme.id);
  return { principal, programme, suppressSmallCells: !full };
}

/** Whether the user works at one of these sites (site coordinator or clinician). */
export const worksAt = (p: Principal, siteId: number) => memberSites(p).includes(siteId);
