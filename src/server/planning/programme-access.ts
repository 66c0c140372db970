import type { FastifyRequest } from "fastify";
import {
  canEditChain,
  canEditDefinitions,
  canReadAcrossSites,
  canReadPlanning,
  WHY,
} from "../core/access/planning.ts";
import { resolveProgramme } from "../core/programme-scope.ts";
import type { Executor } from "../infra/db/executor.ts";

/**
 * The programme of a planning route and its user, by the planning access rules that recur across
 * the planning routes (core/access/planning.ts): 404 for an unknown programme or a site not of it,
 * 403 with the rule's reason.
 */

/** Someone who reads the planning of a site of the programme, or the programme's own (`null`). */
export function resolvePlanningReader(
  db: Executor,
  req: FastifyRequest,
  programmeId: number,
  siteId: number | null,
) {
  return resolveProgramme(
    db,
    req,
    programmeId,
    siteId,
    (p, prog) => canReadPlanning(p, prog, siteId),
    WHY.read,
  );
}

/**
 * Someone who edits the programme's definitions (questionnaires, templates); `why` words the 403
 * for what the route does with them.
 */
export function resolveDefinitionsEditor(
  db: Executor,
  req: FastifyRequest,
  programmeId: number,
  why: string = WHY.definitions,
) {
  return resolveProgramme(db, req, programmeId, null, canEditDefinitions, why);
}

/** Someone who reads the programme's planning across its sites. */
export function resolveAcrossSitesReader(db: Executor, req: FastifyRequest, programmeId: number) {
  return resolveProgramme(db, req, programmeId, null, canReadAcrossSites, WHY.acrossSites);
}

/** Someone who edits the chain of a site of the programme. */
export function resolveChainEditor(
  db: Executor,
  req: FastifyRequest,
  programmeId: number,
  siteId: number | null,
) {
  return resolveProgramme(db, req, programmeId, siteId, canEditChain, WHY.editChain);
}
