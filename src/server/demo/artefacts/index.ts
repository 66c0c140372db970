import type { Transaction } from "kysely";
import { DECLINE_REASONS } from "../../../shared/vocabulary.ts";
import { loadProgrammeScope, type ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { Actor, AuditEntry } from "../../infra/audit/audit.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import type { DB } from "../../infra/db/schema.ts";
import { addDays, addMonths, minDate, monthEnd, today, yearOf } from "../../infra/time/civil-date.ts";
import { createReview } from "../../measures/fidelity/create-review.ts";
import { findScale } from "../../measures/fidelity/scales/index.ts";
import { saveAttendance } from "../../measures/workforce/attendance.ts";
import { createCourse } from "../../measures/workforce/courses.ts";
import { recordSupervision } from "../../measures/workforce/supervision.ts";
import { recordDeclinedOffer } from "../../offers/record-declined-offer.ts";
import { actionPlanSpec } from "../../planning/action-plan/action-plan.ts";
import { copyPlanToSites } from "../../planning/action-plan/copy-to-sites.ts";
import type { ActionPlanContent } from "../../planning/action-plan/schemas.ts";
import { takeRegionVersion } from "../../planning/from-region/take.ts";
import { responseSpec } from "../../planning/questionnaire/response.ts";
import { createRound } from "../../planning/questionnaire/rounds.ts";
import type { ResponseContent } from "../../planning/questionnaire/schemas.ts";
import { roadmapSpec } from "../../planning/roadmap/roadmap.ts";
import type { RoadmapContent } from "../../planning/roadmap/schemas.ts";
import type { SanaValuesContent } from "../../planning/sana/schemas.ts";
import { sanaValuesSpec } from "../../planning/sana/values.ts";
import type { SwotContent } from "../../planning/swot/schemas.ts";
import { swotSpec } from "../../planning/swot/swot.ts";
import { applyTemplate } from "../../planning/templates/apply-template.ts";
import { IMPLEMENTAL } from "../../planning/templates/implemental.ts";
import { TEMPLATE_PARTS } from "../../planning/templates/template.ts";
import type { TocContent } from "../../planning/toc/schemas.ts";
import { tocSpec } from "../../planning/toc/toc.ts";
import type { ArtefactSpec } from "../../planning/versions/artefact-routes.ts";
import type { Owner } from "../../planning/versions/owner.ts";
import { planningWrite } from "../../planning/versions/planning-write.ts";
import { loadCurrent } from "../../planning/versions/repository.ts";
import { writeVersion } from "../../planning/versions/write-version.ts";
import { createPatient } from "../../registry/create-patient.ts";
import { demoProgrammes } from "../region.ts";
import { Rng } from "../registry/prng.ts";
import {
  activityStatus,
  COURSES,
  OBSTACLES,
  REGIONAL_ACTIVITIES,
  ROADMAP,
  SANA_RANGES,
  SANA_TEXTS,
  SWOT_POOL,
  TOC_INDICATORS,
  TOC_RATIONALES,
} from "./content.ts";

/**
 * The demo's living artefacts: what a regional coordination group and its local teams would have
 * produced over the three years up to the demo's day — the ImpleMENTAL planning toolkit filled in
 * for the region and the sites (SANA, SWOT, Theory of Change with indicators, action plans with
 * overdue activities, roadmaps), progress-questionnaire rounds (the current one still open, some
 * sites not yet answered), fidelity reviews by two raters, and training courses with attendance.
 *
 * Everything is written through the capabilities' own domain functions (template application,
 * artefact versions, copy to sites, rounds, reviews, courses, attendance, supervision), so it
 * passes the same checks and leaves the same audit trail as work done through the API. It is per
 * site and per programme, never per patient: the same few hundred writes whatever `--patients`.
 *
 * Deterministic for a seed and a day: every choice comes from `Rng(seed, …)` and every item id is
 * given here, so the same seed and day write the same contents (only the wall-clock timestamps of
 * when rows were saved differ).
 */
export interface DemoArtefactsSummary {
  planningVersions: number;
  rounds: number;
  responses: number;
  reviews: number;
  courses: number;
  attendance: number;
  supervision: number;
  /** Patients who were offered a programme and declined it (uptake). */
  declinedOffers: number;
  /** Time taken, in milliseconds (not part of what is written). */
  ms: number;
}

/** How far a site has gone with the planning toolkit: the pilot had sites that never started. */
type Engagement = "active" | "partial" | "idle";

interface Site {
  id: number;
  code: string;
  index: number;
  engagement: Engagement;
}

const clampDay = (date: string, last: string) => (date > last ? last : date);

export async function seedDemoArtefacts(
  db: Db,
  options: { seed: number; asOf: string },
): Promise<DemoArtefactsSummary> {
  const { seed, asOf } = options;
  // A demo made for a day still to come keeps its reviews and sessions in the past: the review
  // form refuses future dates by the real calendar.
  const yesterday = minDate(addDays(asOf, -1), addDays(today(), -1));
  const rng = new Rng(seed, "artefacts", asOf);
  const summary: DemoArtefactsSummary = {
    planningVersions: 0,
    rounds: 0,
    responses: 0,
    reviews: 0,
    courses: 0,
    attendance: 0,
    supervision: 0,
    declinedOffers: 0,
    ms: 0,
  };
  const started = performance.now();

  const users = await db.selectFrom("users").select(["id", "username", "display_name"]).execute();
  const user = (name: string) => {
    const u = users.find((x) => x.username === name);
    if (!u) throw new Error(`the demo user ${name} is missing: seed the demo region first`);
    return u;
  };
  const admin = user("admin");
  const coordinator: Actor = { id: user("coordinator").id, name: user("coordinator").display_name };
  const siteCoordinator: Actor = { id: user("sitecoord").id, name: user("sitecoord").display_name };
  // the demo writes as an administrator would; its entries name the people who did the work
  const principal: Principal = {
    userId: admin.id,
    username: admin.username,
    displayName: admin.display_name,
    language: "en",
    mustChangePassword: false,
    grants: [{ id: 0, role: "administrator", programmeId: null, siteId: null }],
    coordinatedSiteIds: [],
    csrfToken: "",
    sessionIdHash: "",
  };

  const programmeRows = await db.selectFrom("programmes").select(["id", "code"]).execute();
  const programmeOf = async (code: string): Promise<ProgrammeWithSites> => {
    const row = programmeRows.find((p) => p.code === code);
    const scope = row && (await loadProgrammeScope(db, row.id));
    if (!scope) throw new Error(`the demo programme ${code} is missing: seed the demo region first`);
    return scope;
  };
  const bpd = await programmeOf("BPD-LOM");
  const imr = await programmeOf("IMR-LOM");
  const phases = new Map(demoProgrammes(asOf).map((p) => [p.code, p.phases]));
  const startOf = (code: string) => phases.get(code)![0]!.startDate;
  const bpdStart = startOf("BPD-LOM");

  // Which sites took the toolkit up: LECCO (the lead site, where the demo's site users work) is
  // active; of the others three never started, five went part of the way.
  const order = [...bpd.sites].sort((a, b) => a.code.localeCompare(b.code));
  const others = order.filter((s) => s.code !== "LECCO");
  const shuffled = shuffle(rng.fork("engagement"), others);
  const idle = new Set(shuffled.slice(0, 3).map((s) => s.code));
  const partial = new Set(shuffled.slice(3, 8).map((s) => s.code));
  const siteIndex = await siteIndexes(db);
  const sites: Site[] = order.map((s) => ({
    id: s.id,
    code: s.code,
    index: siteIndex.get(s.code)!,
    engagement: idle.has(s.code) ? "idle" : partial.has(s.code) ? "partial" : "active",
  }));
  const engaged = sites.filter((s) => s.engagement !== "idle");
  const active = sites.filter((s) => s.engagement === "active");
  const actorFor = (siteId: number | null) =>
    siteId !== null && sites.find((s) => s.id === siteId)?.code === "LECCO" ? siteCoordinator : coordinator;

  /** Save one artefact version through its spec's checks, as the generic PUT does. */
  const save = async <C extends object>(
    trx: Transaction<DB>,
    programme: ProgrammeWithSites,
    spec: Pick<ArtefactSpec<C>, "what" | "prepare">,
    owner: Owner,
    content: C,
  ): Promise<AuditEntry> => {
    const ctx = { db: trx, owner, programme, principal };
    const written = await writeVersion(trx, actorFor(owner.siteId), owner, spec.what, "latest", () =>
      spec.prepare(ctx, content),
    );
    summary.planningVersions += 1;
    return written.audit;
  };
  const own = (programme: ProgrammeWithSites, kind: Owner["kind"], siteId: number | null): Owner => ({
    programmeId: programme.id,
    kind,
    siteId,
  });

  // 1. The region starts from the ImpleMENTAL template (version 1 of each part).
  const applied = await applyTemplate(
    db,
    coordinator,
    principal,
    bpd,
    IMPLEMENTAL,
    [...TEMPLATE_PARTS],
    false,
  );
  summary.planningVersions += applied.applied.length;
  // …and every site starts from the region's Theory of Change and action plan (version 1 there)
  summary.planningVersions += applied.started.reduce((n, s) => n + s.sites, 0);

  // 2. The region completes it: indicators on the ToC, activities in the plan, its SANA, SWOT and
  //    roadmap; the engaged sites fill in theirs.
  const regionalPlan = regionalActionPlan(bpdStart, asOf);
  await planningWrite(db, coordinator, async (trx) => {
    const audits: AuditEntry[] = [];
    audits.push(await save(trx, bpd, tocSpec, own(bpd, "toc", null), regionalToc()));
    audits.push(await save(trx, bpd, actionPlanSpec, own(bpd, "action_plan", null), regionalPlan));
    const sanaYear = yearOf(bpdStart);
    audits.push(
      await save(
        trx,
        bpd,
        sanaValuesSpec,
        own(bpd, "sana", null),
        sanaValues(rng.fork("sana", "region"), sanaYear, 18),
      ),
    );
    audits.push(await save(trx, bpd, swotSpec, own(bpd, "swot", null), regionalSwot()));
    audits.push(
      await save(
        trx,
        bpd,
        roadmapSpec,
        own(bpd, "roadmap", null),
        roadmap(rng.fork("roadmap", "region"), "region", asOf),
      ),
    );
    for (const site of engaged) {
      const r = rng.fork("site", site.code);
      audits.push(
        await save(trx, bpd, sanaValuesSpec, own(bpd, "sana", site.id), sanaValues(r, sanaYear, 1)),
      );
      audits.push(await save(trx, bpd, swotSpec, own(bpd, "swot", site.id), siteSwot(r, site.code)));
      if (site.engagement === "active")
        audits.push(
          await save(trx, bpd, roadmapSpec, own(bpd, "roadmap", site.id), roadmap(r, site.code, asOf)),
        );
    }
    return { result: null, audits };
  });

  // 3. The completed regional plan is copied to every site over the template's skeleton they
  //    started from (version 2 there, all "planned", linked to the region's version); the sites
  //    that work on it record their progress (edited locally), the idle ones leave the copy
  //    untouched — it follows the region, its past activities overdue. The active sites take the
  //    region's completed Theory of Change; the others still follow the template's, and the
  //    region's overview shows that the region has a newer one.
  await copyPlanToSites(db, coordinator, bpd, { siteIds: sites.map((s) => s.id), replace: true });
  summary.planningVersions += sites.length;
  const regionToc = await loadCurrent(db, own(bpd, "toc", null));
  for (const site of active) {
    await takeRegionVersion(
      db,
      { actor: actorFor(site.id), principal, programme: bpd },
      { ...tocSpec, fromRegion: tocSpec.fromRegion! },
      site.id,
      { regionVersion: regionToc!.version, baseVersion: 1 },
      true,
    );
    summary.planningVersions += 1;
  }
  for (const site of engaged) {
    const r = rng.fork("progress", site.code);
    await planningWrite(db, actorFor(site.id), async (trx) => ({
      result: null,
      audits: [
        await save(
          trx,
          bpd,
          actionPlanSpec,
          own(bpd, "action_plan", site.id),
          siteProgress(r, regionalPlan, site, asOf),
        ),
      ],
    }));
  }

  // 4. Progress questionnaire: a closed round a year ago, answered by every engaged site, and the
  //    current round, open from three weeks before the demo's day to three weeks after, answered
  //    by the active sites (two partial sites have a draft; the rest have not answered yet).
  const questionnaire = await db
    .selectFrom("planning_questionnaires")
    .select("id")
    .where("programme_id", "=", bpd.id)
    .where("code", "=", IMPLEMENTAL.questionnaire.code)
    .executeTakeFirstOrThrow();
  const closedOpens = addMonths(asOf, -12);
  const rounds = [
    {
      label: `Annual progress ${closedOpens.slice(0, 7)}`,
      opensOn: closedOpens,
      closesOn: addDays(closedOpens, 30),
      answering: engaged,
      drafts: new Set<string>(),
    },
    {
      label: `Annual progress ${asOf.slice(0, 7)}`,
      opensOn: addDays(asOf, -21),
      closesOn: addDays(asOf, 21),
      answering: [...active, ...engaged.filter((s) => s.engagement === "partial").slice(0, 2)],
      drafts: new Set(
        engaged
          .filter((s) => s.engagement === "partial")
          .slice(0, 2)
          .map((s) => s.code),
      ),
    },
  ];
  for (const [n, round] of rounds.entries()) {
    const created = await createRound(db, coordinator, bpd.id, questionnaire.id, {
      label: round.label,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
    });
    summary.rounds += 1;
    await planningWrite(db, coordinator, async (trx) => {
      const audits: AuditEntry[] = [];
      for (const site of round.answering) {
        const owner: Owner = { ...own(bpd, "questionnaire_response", site.id), roundId: created.id };
        const content = response(rng.fork("response", n, site.code), site, n, !round.drafts.has(site.code));
        audits.push(await save(trx, bpd, responseSpec, owner, content));
        summary.responses += 1;
      }
      return { result: null, audits };
    });
  }

  // 5. Fidelity: treatment integrity of the BPD teams (a year ago and recently), one therapist
  //    review at LECCO, IMR fidelity at the IMR sites — each by two raters who mostly agree.
  const review = async (
    programme: ProgrammeWithSites,
    scaleCode: string,
    siteId: number,
    date: string,
    quality: number,
    r: Rng,
    professionalId: number | null = null,
  ) => {
    const scale = findScale(scaleCode)!;
    const items = scale.items.filter((i) => (professionalId === null) === (i.level !== "therapist"));
    const clamp = (x: number) => Math.max(scale.range.min, Math.min(scale.range.max, Math.round(x)));
    const first: Record<string, number> = {};
    const second: Record<string, number> = {};
    for (const item of items) {
      first[item.id] = clamp(quality + r.uniform(-1.2, 1.2));
      second[item.id] = clamp(first[item.id]! + r.pick([-1, 0, 0, 0, 1]));
    }
    await createReview(db, principal, coordinator, {
      scale: scale.code,
      programmeId: programme.id,
      siteId,
      professionalId,
      reviewDate: clampDay(date, yesterday),
      notes: "Site visit: team interview, review of a sample of records and of a group session.",
      raters: [
        { rater: "Regional reviewer", ratings: first },
        { rater: "Peer coordinator", ratings: second },
      ],
    });
    summary.reviews += 1;
  };
  for (const site of engaged) {
    const r = rng.fork("fidelity", site.code);
    const base = site.engagement === "active" ? r.uniform(4.2, 5.6) : r.uniform(3, 4.2);
    if (site.engagement === "active")
      await review(bpd, "TREATMENT-INTEGRITY", site.id, addDays(asOf, -r.int(330, 400)), base - 0.8, r);
    await review(bpd, "TREATMENT-INTEGRITY", site.id, addDays(asOf, -r.int(20, 90)), base, r);
  }
  const lecco = sites.find((s) => s.code === "LECCO")!;
  const therapist = await db
    .selectFrom("professionals")
    .select("id")
    .where("code", "=", "LECCO-P02")
    .executeTakeFirstOrThrow();
  await review(
    bpd,
    "TREATMENT-INTEGRITY",
    lecco.id,
    addDays(asOf, -45),
    5,
    rng.fork("therapist"),
    therapist.id,
  );
  for (const site of imr.sites) {
    const r = rng.fork("imr-fidelity", site.code);
    await review(imr, "IMR-FIDELITY", site.id, addDays(asOf, -r.int(30, 120)), r.uniform(2.8, 4.4), r);
  }

  // 6. Training: the regional courses, attended by the trained professionals of the programme's
  //    sites (as `professionals.trained` says: the funnel reads both, so they agree), and by some
  //    untrained ones who did not complete; monthly group supervision at the active sites.
  const professionals = await db
    .selectFrom("professionals")
    .select(["id", "code", "site_id", "trained", "training_hours", "in_implementation_team"])
    .where("left_on", "is", null)
    .orderBy("id")
    .execute();
  for (const course of COURSES) {
    const programme = course.programme === "BPD-LOM" ? bpd : imr;
    const start = addMonths(startOf(course.programme), course.startMonths);
    const created = await createCourse(db, principal, coordinator, {
      code: course.code,
      programmeId: programme.id,
      siteId: null,
      title: course.title,
      topic: course.topic,
      hours: course.hours,
      mode: course.mode,
      startDate: start,
      endDate: addDays(start, course.days),
    });
    summary.courses += 1;
    const r = rng.fork("course", course.code);
    const rows = professionals
      .filter((p) => programme.siteIds.includes(p.site_id))
      .flatMap((p): Array<{ professionalId: number; completed: boolean; satisfaction: number | null }> => {
        if (p.trained && Number(p.training_hours ?? 0) >= course.minHours)
          return [{ professionalId: p.id, completed: true, satisfaction: r.int(3, 5) }];
        if (!p.trained && course.minHours === 0 && r.chance(0.4))
          return [{ professionalId: p.id, completed: false, satisfaction: null }];
        return [];
      });
    if (rows.length) {
      await saveAttendance(db, principal, coordinator, created.id, { rows });
      summary.attendance += rows.length;
    }
  }
  for (const site of active) {
    const team = professionals
      .filter((p) => p.site_id === site.id && p.in_implementation_team)
      .map((p) => p.id);
    for (let m = 6; m >= 1; m--) {
      const date = clampDay(addDays(addMonths(asOf, -m), 9 + site.index), yesterday);
      await recordSupervision(db, principal, actorFor(site.id), site.id, {
        date,
        supervisor: "DBT trainer",
        format: "group",
        durationMin: 90,
        professionalIds: team,
      });
      summary.supervision += 1;
    }
  }
  // 7. Offered and declined: at each site of the programmes a few newly referred patients were
  //    offered the practice in the last year and declined it (the Lombardy report's "offered to
  //    and did not take part"), so uptake is below 100 % where it is true. They are registered
  //    and recorded through the registry's and offers' own write paths, audited.
  for (const programme of [bpd, imr]) {
    for (const site of [...programme.sites].sort((a, b) => a.code.localeCompare(b.code))) {
      const r = rng.fork("declined", programme.code, site.code);
      const n = r.int(0, 3);
      for (let i = 1; i <= n; i++) {
        const offerDate = addDays(yesterday, -r.int(5, 330));
        const patient = await createPatient(db, principal, actorFor(site.id), {
          siteId: site.id,
          code: `${site.code}-${programme.code}-DECL-${i}`,
          birthYear: yearOf(offerDate) - r.int(18, 55),
          sex: r.chance(0.6) ? "F" : "M",
          firstContactDate: addDays(offerDate, -r.int(0, 60)),
        });
        await recordDeclinedOffer(db, principal, actorFor(site.id), {
          patientId: patient.id,
          programmeId: programme.id,
          siteId: site.id,
          offerDate,
          reason: DECLINE_REASONS[r.int(0, DECLINE_REASONS.length - 1)]!,
        });
        summary.declinedOffers += 1;
      }
    }
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

/** Fisher–Yates with the demo's generator. */
function shuffle<T>(r: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Each site's position in the region (as `demoProfessionals` numbered them). */
async function siteIndexes(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom("sites").select(["code"]).orderBy("id").execute();
  return new Map(rows.map((r, i) => [r.code, i]));
}

/** The template's Theory of Change, with indicators on its outcomes and outputs and reasons on its arrows. */
function regionalToc(): TocContent {
  return {
    nodes: IMPLEMENTAL.toc.nodes.map((n) => ({ ...n, indicatorIds: TOC_INDICATORS[n.id] ?? [] })),
    edges: IMPLEMENTAL.toc.edges.map((e) => ({ ...e, rationale: TOC_RATIONALES[e.id!] ?? e.rationale })),
  };
}

function activityDates(a: (typeof REGIONAL_ACTIVITIES)[number], programmeStart: string, asOf: string) {
  if (a.from === "start")
    return {
      start: addMonths(programmeStart, a.startMonths),
      end: monthEnd(addMonths(programmeStart, a.endMonths - 1)),
    };
  return { start: addDays(asOf, a.startMonths * 30), end: addDays(asOf, a.endMonths * 30) };
}

/** The template's strategic areas with the region's activities, their status as of the demo's day. */
function regionalActionPlan(programmeStart: string, asOf: string): ActionPlanContent {
  return {
    strategicAreas: IMPLEMENTAL.actionPlan.strategicAreas.map((sa) => ({
      ...sa,
      subAreas: sa.subAreas.map((sub) => ({
        ...sub,
        activities: REGIONAL_ACTIVITIES.flatMap((a, i) => {
          if (a.subArea !== sub.id) return [];
          const { start, end } = activityDates(a, programmeStart, asOf);
          return [
            {
              id: `act-region-${String(i + 1).padStart(2, "0")}`,
              originId: null,
              title: a.title,
              description: a.description,
              responsibleActor: a.responsibleActor,
              responsibleProfessionalCode: null,
              start,
              end,
              stakeholders: a.stakeholders,
              targetPopulation: a.targetPopulation,
              finalBeneficiaries: a.finalBeneficiaries,
              status: activityStatus(start, end, asOf, a.doneChance >= 0.5),
              tocOutputNodeId: a.tocOutputNodeId,
            },
          ];
        }),
      })),
    })),
  };
}

/** A site's copy of the regional plan with its own progress, and at LECCO one activity of its own. */
function siteProgress(r: Rng, regional: ActionPlanContent, site: Site, asOf: string): ActionPlanContent {
  const chances = new Map(
    REGIONAL_ACTIVITIES.map((a, i) => [`act-region-${String(i + 1).padStart(2, "0")}`, a.doneChance]),
  );
  const slack = site.engagement === "active" ? 0.1 : -0.25;
  return {
    strategicAreas: regional.strategicAreas.map((sa) => ({
      ...sa,
      subAreas: sa.subAreas.map((sub) => ({
        ...sub,
        activities: [
          ...sub.activities.map((a) => ({
            ...a,
            originId: a.id!,
            responsibleActor: a.responsibleActor,
            responsibleProfessionalCode:
              a.responsibleActor === "Team coordinator" ? `${site.code}-P01` : null,
            status: activityStatus(a.start, a.end, asOf, r.chance((chances.get(a.id!) ?? 0) + slack)),
          })),
          ...(site.code === "LECCO" && sub.id === "sub-associations"
            ? [
                {
                  id: "act-lecco-01",
                  originId: null,
                  title: "Open a monthly meeting point for relatives with the family association",
                  description: "Evening meetings at the CMHC, announced in the association's newsletter.",
                  responsibleActor: "",
                  responsibleProfessionalCode: "LECCO-P01",
                  start: addDays(asOf, -120),
                  end: addDays(asOf, 60),
                  stakeholders: ["Family association"],
                  targetPopulation: "Relatives of enrolled patients",
                  finalBeneficiaries: "Families",
                  status: "in_progress" as const,
                  tocOutputNodeId: "op-groups",
                },
              ]
            : []),
        ],
      })),
    })),
  };
}

/** SANA values for every indicator of the template, `scale` times a site's for the region's totals. */
function sanaValues(r: Rng, year: number, scale: number): SanaValuesContent {
  const values: SanaValuesContent["values"] = [];
  for (const area of IMPLEMENTAL.sanaTemplate.areas)
    for (const ind of area.indicators) {
      const id = ind.id!;
      let value: number | string | boolean | null;
      if (ind.type === "yes_no") value = r.chance(0.6);
      else if (ind.type === "text") value = SANA_TEXTS[id] ?? "";
      else if (id === "dem-adults") {
        const pop = values.find((v) => v.indicatorId === "dem-pop")?.value;
        value = typeof pop === "number" ? Math.round(pop * r.uniform(0.8, 0.85)) : null;
      } else {
        const [lo, hi] = SANA_RANGES[id] ?? [1, 10];
        const raw = r.uniform(lo, hi);
        value =
          id === "dem-pop" || id === "ua-pd-young" || id === "pa-associations"
            ? Math.round(raw * scale)
            : id === "pol-plan-year"
              ? Math.round(raw)
              : Math.round(raw * 10) / 10;
      }
      values.push({
        indicatorId: id,
        value,
        source: "Regional mental health information system (demo figures)",
        year: id === "pol-plan-year" ? null : year,
        note: "",
      });
    }
  return { values };
}

function regionalSwot(): SwotContent {
  const pick = [0, 3, 6, 7, 9, 12, 13, 14, 18, 19, 21];
  return {
    items: pick.map((i) => ({ id: `swot-region-${i + 1}`, ...SWOT_POOL[i]! })),
  };
}

/** Two or three items per quadrant from the common pool, so the common-factors view has something to count. */
function siteSwot(r: Rng, code: string): SwotContent {
  const items: SwotContent["items"] = [];
  for (const quadrant of ["strength", "weakness", "opportunity", "threat"] as const) {
    const pool = SWOT_POOL.map((item, i) => ({ item, i })).filter((x) => x.item.quadrant === quadrant);
    for (const { item, i } of shuffle(r, pool).slice(0, r.int(2, 3)))
      items.push({ id: `swot-${code.toLowerCase()}-${i + 1}`, ...item });
  }
  return { items };
}

function roadmap(r: Rng, scope: string, asOf: string): RoadmapContent {
  return {
    objectives: ROADMAP.map((o, i) => ({
      id: `obj-${scope.toLowerCase()}-${i + 1}`,
      objective: o.objective,
      conditions: o.conditions,
      timeframe: o.timeframe,
      targetDate: monthEnd(addMonths(asOf, o.targetMonths)),
      responsible: o.responsible,
      status: i === 1 ? "achieved" : r.pick(["not_started", "in_progress", "in_progress"] as const),
      note: "",
    })),
  };
}

/** A site's answers to the progress questionnaire (`round` 0 a year ago, 1 now). */
function response(r: Rng, site: Site, round: number, submitted: boolean): ResponseContent {
  const engaged = site.engagement === "active" ? 1 : 0;
  const groups =
    round + engaged === 0
      ? ["none"]
      : round + engaged === 1
        ? ["dbt-skills"]
        : r.chance(0.7)
          ? ["dbt-skills", "family-connections"]
          : ["dbt-skills"];
  const answers: ResponseContent["answers"] = [
    { question: "coordinator", value: "yes" },
    { question: "team-size", value: 5 + ((site.index * 7) % 5) },
    { question: "groups", value: groups },
    {
      question: "assessment-tools",
      value: r.pick(engaged ? ["always", "sometimes"] : ["sometimes", "never"]),
    },
    { question: "social-services", value: r.pick(engaged ? ["formal", "informal"] : ["informal", "none"]) },
    { question: "family-associations", value: r.chance(engaged ? 0.7 : 0.3) ? "yes" : "no" },
    {
      question: "communication",
      value: ["director", "other-services", "social-network", "population"].filter(
        (_, i) => i === 0 || r.chance(0.5),
      ),
    },
    { question: "obstacles", value: r.pick(OBSTACLES) },
  ];
  return { answers: submitted ? answers : answers.slice(0, 3), submitted };
}
