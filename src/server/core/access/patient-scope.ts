import { type ExpressionBuilder, sql } from "kysely";
import type { Principal } from "../../infra/auth/principal.ts";
import type { DB } from "../../infra/db/schema.ts";
import { readableSites } from "./roles.ts";

type PatientEb = ExpressionBuilder<DB & { p: DB["patients"] }, "p">;

/**
 * Which patients a user may see, as one SQL predicate on `patients as p` (set-based: no query per
 * patient). A patient is visible at a site where they have an enrolment, an intervention or a
 * treatment plan, or where they were registered. Administrators see all; viewers none.
 *
 * @example
 *   db.selectFrom("patients as p").selectAll("p").where((eb) => patientVisible(eb, principal))
 */
export function patientVisible(eb: PatientEb, principal: Principal) {
  const sites = readableSites(principal);
  if (sites === "all") return sql<boolean>`true`;
  return patientVisibleAt(eb, [...sites]);
}

/**
 * The same rule for a given set of sites: the patient is known at one of `siteIds` (e.g. "may this
 * patient join a group of site S"). `patientVisible` is this rule applied to the user's sites.
 */
export function patientVisibleAt(eb: PatientEb, siteIds: number[]) {
  const ids = siteIds;
  if (ids.length === 0) return sql<boolean>`false`;
  return eb.or([
    eb("p.registered_site_id", "in", ids),
    eb.exists(
      eb
        .selectFrom("enrolments as e")
        .select(sql`1`.as("one"))
        .whereRef("e.patient_id", "=", "p.id")
        .where("e.site_id", "in", ids),
    ),
    eb.exists(
      eb
        .selectFrom("interventions as i")
        .select(sql`1`.as("one"))
        .whereRef("i.patient_id", "=", "p.id")
        .where("i.site_id", "in", ids),
    ),
    eb.exists(
      eb
        .selectFrom("treatment_plans as t")
        .select(sql`1`.as("one"))
        .whereRef("t.patient_id", "=", "p.id")
        .where("t.site_id", "in", ids),
    ),
  ]);
}
