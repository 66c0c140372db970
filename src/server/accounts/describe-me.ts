import type { z } from "zod";
import {
  canCreateProgrammes,
  canEditProgramme,
  canManageSite,
  canReadProgramme,
  canReadSiteData,
  coordinatedProgrammes,
  isAdmin,
  readableSites,
} from "../core/access/roles.ts";
import { coordinatorRegions, listProgrammeScopes } from "../core/programme-scope.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { regionTimeZone } from "../infra/time/civil-date.ts";
import type { Me } from "./schemas.ts";

/**
 * What the web app needs to draw its shell for the signed-in user: grants, the programmes they
 * may read (with whether they may edit each), the sites they may see (with what they may do
 * there), their language and the region's time zone.
 */
export async function describeMe(db: Db, p: Principal): Promise<z.infer<typeof Me>> {
  const programmes = (await listProgrammeScopes(db)).filter((prog) => canReadProgramme(p, prog));
  const readable = readableSites(p);
  const viewerSites = new Set(
    p.grants.some((g) => g.role === "viewer") ? programmes.flatMap((prog) => prog.siteIds) : [],
  );
  const sites = await db.selectFrom("sites").select(["id", "code", "name"]).orderBy("code").execute();
  const programmeRegions = !canCreateProgrammes(p)
    ? []
    : isAdmin(p)
      ? (await db.selectFrom("regions").select("id").orderBy("id").execute()).map((r) => r.id)
      : await coordinatorRegions(db, coordinatedProgrammes(p));
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    language: p.language === "it" ? "it" : "en",
    timeZone: regionTimeZone(),
    mustChangePassword: p.mustChangePassword,
    csrfToken: p.csrfToken,
    grants: p.grants,
    isAdmin: isAdmin(p),
    programmeRegions,
    programmes: programmes.map((prog) => ({
      id: prog.id,
      code: prog.code,
      name: prog.name,
      canEdit: canEditProgramme(p, prog.id),
    })),
    sites: sites
      .filter((s) => readable === "all" || readable.has(s.id) || viewerSites.has(s.id))
      .map((s) => ({ ...s, canManage: canManageSite(p, s.id), canReadData: canReadSiteData(p, s.id) })),
  };
}
