import { sql } from "kysely";
import { TEXT_SEARCH_CONFIG } from "../../shared/protocols.ts";
import type { Executor } from "../infra/db/executor.ts";
import type { ProtocolContentT } from "./schemas.ts";

interface HitRow {
  protocol_id: number;
  language: "en" | "it";
  kind: "protocol" | "dimension" | "example" | "case_study";
  dimension_id: string | null;
  title: string;
  snippet: string;
  rank: number;
  content: ProtocolContentT;
}

/**
 * Full-text search over the current versions of the protocols of `regions`: each protocol's text
 * is searched with its own language's configuration ('english' or 'italian'), through the
 * partial expression indexes of migration 0018 (the `where` repeats their expression and
 * predicate so the planner can use them). The query is read as a web search (words, "phrases",
 * -excluded). Ranked, best first, at most 50 hits, each with the dimension it is in.
 */
export async function searchProtocols(db: Executor, query: string, regions: "all" | number[]) {
  if (regions !== "all" && regions.length === 0) return [];
  const part = (lang: "en" | "it") => {
    const cfg = sql.lit(TEXT_SEARCH_CONFIG[lang]);
    const doc = sql`to_tsvector(${cfg}::regconfig, e.title || ' ' || e.body)`;
    const q = sql`websearch_to_tsquery(${cfg}::regconfig, ${query})`;
    return sql`
      select e.protocol_id, e.language, e.kind, e.dimension_id, e.title,
        ts_headline(${cfg}::regconfig, e.body, ${q},
          'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet,
        ts_rank(${doc}, ${q}) as rank
      from protocol_search_entries e
      join protocols p on p.id = e.protocol_id
      where e.language = ${sql.lit(lang)} and ${doc} @@ ${q}
        ${regions === "all" ? sql`` : sql`and p.region_id in (${sql.join(regions)})`}`;
  };
  const { rows } = await sql<HitRow>`
    select h.*, v.content from (${part("en")} union all ${part("it")}) h
    join protocols p on p.id = h.protocol_id
    join protocol_versions v on v.protocol_id = p.id and v.version = p.current_version
    order by h.rank desc, h.protocol_id, h.kind, h.title
    limit 50`.execute(db);
  return rows.map((r) => {
    const content = typeof r.content === "string" ? (JSON.parse(r.content) as ProtocolContentT) : r.content;
    const dimension = r.dimension_id ? content.dimensions.find((d) => d.id === r.dimension_id) : undefined;
    return {
      protocolId: r.protocol_id,
      protocolTitle: content.title,
      language: r.language,
      kind: r.kind,
      dimensionId: r.dimension_id,
      dimensionTitle: dimension?.title ?? null,
      title: r.title,
      snippet: r.snippet,
      rank: Number(r.rank),
    };
  });
}
