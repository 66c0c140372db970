import { type Actor, audit } from "../infra/audit/audit.ts";
import { hashPassword } from "../infra/auth/password.ts";
import type { Db } from "../infra/db/database.ts";
import { demoToday } from "./as-of.ts";
import { DEMO_DIRECTORY } from "./directory.ts";
import {
  AREAS,
  DEMO_PASSWORD,
  DEMO_TARGETS,
  DEMO_USERS,
  demoProfessionals,
  demoProgrammes,
  PRACTICES,
  REGION,
  SERVICES_PER_SITE,
} from "./region.ts";

export async function isEmpty(db: Db): Promise<boolean> {
  const [regions, users] = await Promise.all([
    db
      .selectFrom("regions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return Number(regions.n) === 0 && Number(users.n) === 0;
}

/**
 * Write the demo region (structure, practices, programmes, teams, users) in one transaction,
 * its programmes' phases placed relative to `asOf` (`YYYY-MM-DD`, the day the demo is made).
 * Refuses to run on a database that already has a region or a user.
 */
export async function seedDemoRegion(
  db: Db,
  actor: Actor,
  asOf: string = demoToday(),
): Promise<{ users: string[]; password: string }> {
  if (!(await isEmpty(db)))
    throw new Error("the database already holds data; the demo region goes into an empty one");
  const PROGRAMMES = demoProgrammes(asOf);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const region = await trx.insertInto("regions").values(REGION).returning("id").executeTakeFirstOrThrow();
    const areas = await trx
      .insertInto("areas")
      .values(AREAS.map((a) => ({ region_id: region.id, code: a.code, name: a.name })))
      .returning(["id", "code"])
      .execute();
    const areaId = new Map(areas.map((a) => [a.code, a.id]));
    const siteRows = AREAS.flatMap((a) =>
      a.sites.map(([code, name]) => ({ region_id: region.id, area_id: areaId.get(a.code)!, code, name })),
    );
    const sites = await trx.insertInto("sites").values(siteRows).returning(["id", "code"]).execute();
    const siteId = new Map(sites.map((s) => [s.code, s.id]));
    await trx
      .insertInto("services")
      .values(
        sites.flatMap((s, i) =>
          SERVICES_PER_SITE.filter((svc) => !svc.every || i % svc.every === 0).map((svc) => ({
            site_id: s.id,
            code: `${s.code}-${svc.suffix}`,
            name: svc.name,
            kind: svc.kind,
          })),
        ),
      )
      .execute();
    const directory = await trx
      .insertInto("directory_services")
      .values(
        DEMO_DIRECTORY.map((d) => ({
          region_id: region.id,
          code: d.code,
          name: d.name,
          sector: d.sector,
          description: d.description,
          eligibility: d.eligibility,
          referral_route: d.referralRoute,
          referral_how: d.referralHow,
          phone: d.phone,
          phone_private: d.phonePrivate,
          email: d.email,
          email_private: false,
          web: d.web,
          web_private: false,
          opening_hours: d.openingHours,
          languages: d.languages,
        })),
      )
      .returning(["id", "code"])
      .execute();
    const directoryId = new Map(directory.map((d) => [d.code, d.id]));
    await trx
      .insertInto("directory_service_areas")
      .values(
        DEMO_DIRECTORY.flatMap((d) =>
          d.areas.map((a) => ({ service_id: directoryId.get(d.code)!, area_id: areaId.get(a)! })),
        ),
      )
      .execute();
    const practices = await trx
      .insertInto("practices")
      .values(PRACTICES.map((p) => ({ code: p.code, name: p.name })))
      .returning(["id", "code"])
      .execute();
    const practiceId = new Map(practices.map((p) => [p.code, p.id]));
    await trx
      .insertInto("practice_versions")
      .values(
        PRACTICES.map((p) => ({
          practice_id: practiceId.get(p.code)!,
          version: 1,
          definition: JSON.stringify(p.definition),
        })),
      )
      .execute();
    const programmes = await trx
      .insertInto("programmes")
      .values(
        PROGRAMMES.map((p) => ({
          code: p.code,
          name: p.name,
          practice_id: practiceId.get(p.practice)!,
          practice_version: 1,
          region_id: region.id,
          parameters: JSON.stringify(p.parameters),
          updated_at: new Date(),
        })),
      )
      .returning(["id", "code"])
      .execute();
    const programmeId = new Map(programmes.map((p) => [p.code, p.id]));
    await trx
      .insertInto("programme_phases")
      .values(
        PROGRAMMES.flatMap((p) =>
          p.phases.map((ph) => ({
            programme_id: programmeId.get(p.code)!,
            phase: ph.phase,
            start_date: ph.startDate,
            end_date: ph.endDate,
          })),
        ),
      )
      .execute();
    await trx
      .insertInto("programme_sites")
      .values(
        PROGRAMMES.flatMap((p) =>
          (p.sites === "all" ? sites.map((s) => s.code) : p.sites).map((code) => ({
            programme_id: programmeId.get(p.code)!,
            site_id: siteId.get(code)!,
            target_enrolment: null,
          })),
        ),
      )
      .execute();
    await trx
      .insertInto("indicator_targets")
      .values(
        PROGRAMMES.flatMap((p) =>
          DEMO_TARGETS[p.code as keyof typeof DEMO_TARGETS].map((t) => ({
            programme_id: programmeId.get(p.code)!,
            indicator_id: t.indicatorId,
            site_id: null,
            value: t.value,
            direction: t.direction,
          })),
        ),
      )
      .execute();
    await trx
      .insertInto("professionals")
      .values(
        sites.flatMap((s, i) =>
          demoProfessionals(s.code, i, asOf).map((p) => ({
            code: p.code,
            site_id: s.id,
            profile: p.profile,
            in_implementation_team: p.inImplementationTeam,
            team_coordinator: p.teamCoordinator,
            trained: p.trained,
            training_hours: p.trainingHours,
            joined_on: p.joinedOn,
            left_on: p.leftOn,
          })),
        ),
      )
      .execute();
    const users = await trx
      .insertInto("users")
      .values(
        DEMO_USERS.map((u) => ({
          username: u.username,
          display_name: u.displayName,
          password_hash: passwordHash,
        })),
      )
      .returning(["id", "username"])
      .execute();
    const userId = new Map(users.map((u) => [u.username, u.id]));
    await trx
      .insertInto("user_roles")
      .values(
        DEMO_USERS.map((u) => ({
          user_id: userId.get(u.username)!,
          role: u.role,
          programme_id: "programme" in u ? programmeId.get(u.programme)! : null,
          site_id: "site" in u ? siteId.get(u.site)! : null,
        })),
      )
      .execute();
    await audit(trx, actor, {
      action: "demo_region",
      entity: "region",
      entityId: region.id,
      detail: {
        before: null,
        after: {
          region: REGION.code,
          sites: sites.length,
          programmes: PROGRAMMES.map((p) => p.code),
          users: DEMO_USERS.map((u) => u.username),
        },
      },
    });
  });
  return { users: DEMO_USERS.map((u) => u.username), password: DEMO_PASSWORD };
}
