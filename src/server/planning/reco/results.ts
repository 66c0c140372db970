import type { z } from "zod";
import type { ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { Executor } from "../../infra/db/executor.ts";
import { artefactsAtCurrentVersion } from "../versions/repository.ts";
import { classifyReco, RECO_MODELS, type RecoModel } from "./classify.ts";
import { RECO_CODE } from "./definition.ts";
import type { RecoResults } from "./schemas.ts";

type Result = z.infer<typeof RecoResults>;

/**
 * The RECO mapping of a programme for one round (by default the latest to open): each visible
 * site (the respondent service) with its model and area, and the counts per model per area.
 * Three queries whatever the number of sites: the questionnaire with its rounds, the sites with
 * their areas, the round's current responses.
 */
export async function recoResults(
  db: Executor,
  programme: ProgrammeWithSites,
  visible: number[],
  roundId: number | undefined,
): Promise<Result> {
  const questionnaire = await db
    .selectFrom("planning_questionnaires")
    .select(["id", "title"])
    .where("programme_id", "=", programme.id)
    .where("code", "=", RECO_CODE)
    .executeTakeFirst();
  const empty: Result = { questionnaire: null, rounds: [], round: null, services: [], areas: [] };
  if (!questionnaire) return empty;
  const rounds = await db
    .selectFrom("planning_rounds")
    .select(["id", "label", "opens_on", "closes_on"])
    .where("questionnaire_id", "=", questionnaire.id)
    .orderBy("opens_on", "desc")
    .orderBy("id", "desc")
    .execute();
  const round = roundId === undefined ? rounds[0] : rounds.find((r) => r.id === roundId);
  const base = {
    questionnaire: { id: questionnaire.id, title: questionnaire.title },
    rounds: rounds.map((r) => ({ id: r.id, label: r.label, opensOn: r.opens_on, closesOn: r.closes_on })),
  };
  if (!round || visible.length === 0)
    return { ...empty, ...base, round: round ? { id: round.id, label: round.label } : null };
  const [sites, responses] = await Promise.all([
    db
      .selectFrom("sites as s")
      .leftJoin("areas as a", "a.id", "s.area_id")
      .select(["s.id", "s.code", "s.name", "a.id as area_id", "a.name as area_name"])
      .where("s.id", "in", visible)
      .orderBy("s.code")
      .execute(),
    artefactsAtCurrentVersion(db)
      .select(["a.site_id", "v.content"])
      .where("a.kind", "=", "questionnaire_response")
      .where("a.round_id", "=", round.id)
      .where("a.site_id", "in", visible)
      .execute(),
  ]);
  const bySite = new Map(
    responses.map((r) => [
      r.site_id!,
      r.content as { answers?: Array<{ question: string; value: unknown }>; submitted?: boolean },
    ]),
  );
  const services = sites.map((s) => {
    const response = bySite.get(s.id);
    const answers = Object.fromEntries((response?.answers ?? []).map((a) => [a.question, a.value]));
    return {
      siteId: s.id,
      code: s.code,
      name: s.name,
      areaId: s.area_id,
      area: s.area_name,
      responded: response !== undefined,
      submitted: response?.submitted === true,
      model: response ? classifyReco(answers) : null,
    };
  });
  const areaKeys = [...new Map(services.map((s) => [s.areaId ?? 0, s.area])).entries()];
  const areas = areaKeys.map(([id, name]) => {
    const here = services.filter((s) => (s.areaId ?? 0) === id);
    const counts = Object.fromEntries(
      RECO_MODELS.map((m) => [m, here.filter((s) => s.model === m).length]),
    ) as Record<RecoModel, number>;
    return {
      areaId: id === 0 ? null : id,
      area: name,
      counts,
      missing: here.filter((s) => s.model === null).length,
    };
  });
  return { ...base, round: { id: round.id, label: round.label }, services, areas };
}
