import { sql } from "kysely";
import type { ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { Db } from "../../infra/db/database.ts";
import { artefactsAtCurrentVersion } from "../versions/repository.ts";
import type { DefinitionContent, Results } from "./schemas.ts";

interface Cell {
  round_id: number;
  question: string;
  option: string | null;
  n: number;
  site_ids: number[];
  mean: number | null;
  min: number | null;
  max: number | null;
  texts: Array<{ siteId: number; text: string }> | null;
}

/**
 * The regional view of a questionnaire: for every round, each question's answers across the
 * programme's sites — counts per option (choices), n/mean/min/max (numbers), the texts — from
 * one query over the current responses, typed by the definition version each round asks.
 */
export async function questionnaireResults(
  db: Db,
  programme: ProgrammeWithSites,
  questionnaire: { id: number; code: string; title: string },
): Promise<Results> {
  const [{ rows: cells }, rounds, definitions, responses] = await Promise.all([
    sql<Cell>`
      with answers as (
        select r.id as round_id, a.site_id, ans->>'question' as question, ans->'value' as value, q->>'type' as type
        from planning_rounds r
        join planning_artefacts a on a.round_id = r.id and a.kind = 'questionnaire_response'
        join planning_versions v on v.artefact_id = a.id and v.version = a.current_version
        join programme_sites ps on ps.programme_id = a.programme_id and ps.site_id = a.site_id
        join planning_artefacts d on d.questionnaire_id = r.questionnaire_id and d.kind = 'questionnaire'
        join planning_versions dv on dv.artefact_id = d.id and dv.version = r.definition_version
        cross join lateral jsonb_array_elements(v.content->'answers') ans
        cross join lateral jsonb_array_elements(dv.content->'questions') q
        where r.questionnaire_id = ${questionnaire.id} and q->>'code' = ans->>'question'
          and jsonb_typeof(ans->'value') <> 'null'
      )
      select round_id, question, opt as option, count(*)::int as n, array_agg(site_id order by site_id) as site_ids,
        null::float8 as mean, null::float8 as min, null::float8 as max, null::jsonb as texts
      from answers
      cross join lateral jsonb_array_elements_text(
        case when jsonb_typeof(value) = 'array' then value else jsonb_build_array(value) end) opt
      where type in ('single_choice', 'multi_choice')
      group by round_id, question, opt
      union all
      select round_id, question, null, count(*)::int, array_agg(site_id order by site_id),
        avg((value #>> '{}')::float8), min((value #>> '{}')::float8), max((value #>> '{}')::float8), null
      from answers where type = 'number' and jsonb_typeof(value) = 'number'
      group by round_id, question
      union all
      select round_id, question, null, count(*)::int, array_agg(site_id order by site_id), null, null, null,
        jsonb_agg(jsonb_build_object('siteId', site_id, 'text', value #>> '{}') order by site_id)
      from answers where type = 'text' and jsonb_typeof(value) = 'string'
      group by round_id, question`.execute(db),
    db
      .selectFrom("planning_rounds")
      .select(["id", "label", "opens_on", "closes_on", "definition_version"])
      .where("questionnaire_id", "=", questionnaire.id)
      .orderBy("opens_on")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("planning_artefacts as a")
      .innerJoin("planning_versions as v", "v.artefact_id", "a.id")
      .select(["v.version", "v.content"])
      .where("a.kind", "=", "questionnaire")
      .where("a.questionnaire_id", "=", questionnaire.id)
      .execute(),
    artefactsAtCurrentVersion(db)
      .innerJoin("planning_rounds as r", "r.id", "a.round_id")
      .select([
        "a.round_id",
        "a.site_id",
        sql<boolean>`coalesce((v.content->>'submitted')::boolean, false)`.as("submitted"),
      ])
      .where("r.questionnaire_id", "=", questionnaire.id)
      .where("a.kind", "=", "questionnaire_response")
      .execute(),
  ]);
  const definitionAt = new Map(definitions.map((d) => [d.version, d.content as DefinitionContent]));
  const code = new Map(programme.sites.map((s) => [s.id, s.code]));
  const codes = (ids: number[]) => ids.map((id) => code.get(id)!).filter(Boolean);
  return {
    questionnaire,
    rounds: rounds.map((r) => {
      const here = cells.filter((c) => c.round_id === r.id);
      const responded = responses.filter((x) => x.round_id === r.id && code.has(x.site_id!));
      const questions = definitionAt.get(r.definition_version)?.questions ?? [];
      return {
        id: r.id,
        label: r.label,
        opensOn: r.opens_on,
        closesOn: r.closes_on,
        definitionVersion: r.definition_version,
        responses: responded.map((x) => ({
          siteId: x.site_id!,
          code: code.get(x.site_id!)!,
          submitted: x.submitted,
        })),
        missing: programme.sites.filter((s) => !responded.some((x) => x.site_id === s.id)).map((s) => s.code),
        questions: questions.map((q) => {
          const mine = here.filter((c) => c.question === q.code);
          const numbers = q.type === "number" ? mine[0] : undefined;
          const texts = q.type === "text" ? (mine[0]?.texts ?? []) : [];
          const sitesAnswering = new Set(mine.flatMap((c) => c.site_ids));
          return {
            code: q.code,
            text: q.text,
            type: q.type,
            answered: sitesAnswering.size,
            options: q.options.map((o) => {
              const cell = mine.find((c) => c.option === o.code);
              return {
                code: o.code,
                label: o.label,
                count: cell?.n ?? 0,
                sites: codes(cell?.site_ids ?? []),
              };
            }),
            numbers:
              q.type === "number"
                ? {
                    n: numbers?.n ?? 0,
                    mean: numbers?.mean ?? null,
                    min: numbers?.min ?? null,
                    max: numbers?.max ?? null,
                  }
                : null,
            texts: texts.map((t) => ({ site: code.get(t.siteId) ?? String(t.siteId), text: t.text })),
          };
        }),
      };
    }),
  };
}
