import type { z } from "zod";
import { assertSiteWritable } from "../core/access/patients.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { today } from "../infra/time/civil-date.ts";
import { loadCatalogue } from "./repository.ts";
import type { InterventionDefaults } from "./schemas.ts";

type Defaults = z.infer<typeof InterventionDefaults>;

/**
 * What the fast entry form starts from at a site: today, the user's own professional code and
 * profile (when an administrator linked their role to a professional — the one at this site
 * first), the type the user recorded last, and the types and modules to choose from. No patient
 * data is read.
 */
export async function interventionDefaults(db: Db, p: Principal, siteId: number): Promise<Defaults> {
  assertSiteWritable(p, siteId);
  const [professionals, last, catalogue] = await Promise.all([
    db
      .selectFrom("user_roles as r")
      .innerJoin("professionals as pr", "pr.id", "r.professional_id")
      .select(["pr.code", "pr.profile", "pr.site_id"])
      .where("r.user_id", "=", p.userId)
      .orderBy("pr.code")
      .execute(),
    db
      .selectFrom("interventions")
      .select(["type", "setting", "recipient", "duration_min"])
      .where("created_by", "=", p.userId)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst(),
    loadCatalogue(db),
  ]);
  const mine = professionals.find((r) => r.site_id === siteId) ?? professionals[0];
  return {
    date: today(),
    type: last && catalogue.types.has(last.type) ? last.type : null,
    setting: "individual",
    recipient: "patient",
    professionalCode: mine?.code ?? null,
    professionalProfile: (mine?.profile as Defaults["professionalProfile"]) ?? null,
    durationMin: last?.duration_min ?? null,
    types: [...catalogue.types].map(([code, t]) => ({ code, ...t })),
    modules: [...catalogue.modules].map(([code, m]) => ({ code, ...m })),
  };
}
