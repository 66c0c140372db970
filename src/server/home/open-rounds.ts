import { sql } from "kysely";
import type { z } from "zod";
import type { Executor } from "../infra/db/executor.ts";
import { inList } from "./in-list.ts";
import type { OpenRound } from "./schemas.ts";

type Round = z.infer<typeof OpenRound>;

/**
 * Questionnaire rounds open today (opened on or before, closing on or after) and, for each, the
 * sites asked — the programme's sites within the user's scope: every site of `programmes`, and
 * `sites` — that have not submitted their answers (questionnaire/results.ts: a response whose
 * current version is marked submitted). Rounds every such site has answered are left out. One
 * statement.
 */
export async function openRounds(
  db: Executor,
  scope: { programmes: "all" | number[]; sites: number[] },
  today: string,
): Promise<Round[]> {
  const { rows } = await sql<{
    programme_id: number;
    programme_code: string;
    questionnaire_id: number;
    title: string;
    round_id: number;
    label: string;
    closes_on: string;
    site_id: number;
    site_code: string;
    submitted: boolean;
  }>`
    select q.programme_id, pr.code as programme_code, q.id as questionnaire_id, q.title,
      r.id as round_id, r.label, r.closes_on, ps.site_id, s.code as site_code,
      coalesce((v.content->>'submitted')::boolean, false) as submitted
    from planning_rounds r
    join planning_questionnaires q on q.id = r.questionnaire_id
    join programmes pr on pr.id = q.programme_id
    join programme_sites ps on ps.programme_id = q.programme_id
    join sites s on s.id = ps.site_id
    left join planning_artefacts a
      on a.kind = 'questionnaire_response' and a.round_id = r.id and a.site_id = ps.site_id
    left join planning_versions v on v.artefact_id = a.id and v.version = a.current_version
    where r.opens_on <= ${today} and r.closes_on >= ${today}
      and (${inList("q.programme_id", scope.programmes)} or ${inList("ps.site_id", scope.sites)})
    order by r.closes_on, pr.code, q.id, r.id, s.code`.execute(db);
  const rounds = new Map<number, Round>();
  for (const r of rows) {
    let round = rounds.get(r.round_id);
    if (!round) {
      round = {
        programmeId: r.programme_id,
        programmeCode: r.programme_code,
        questionnaireId: r.questionnaire_id,
        questionnaireTitle: r.title,
        roundId: r.round_id,
        label: r.label,
        closesOn: r.closes_on,
        missing: [],
        asked: 0,
      };
      rounds.set(r.round_id, round);
    }
    round.asked += 1;
    if (!r.submitted) round.missing.push({ siteId: r.site_id, siteCode: r.site_code });
  }
  return [...rounds.values()].filter((r) => r.missing.length > 0);
}
