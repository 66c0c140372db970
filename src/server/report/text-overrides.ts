import { staleVersion } from "../core/stale-version.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import type { ReportLanguage } from "./request.ts";
import type { TextOverride, TextSection } from "./text-sections.ts";

/** A programme's own wordings in a language (reset ones too: text null), one query. */
export async function loadTextOverrides(
  db: Executor,
  programmeId: number,
  lang: ReportLanguage,
): Promise<TextOverride[]> {
  const rows = await db
    .selectFrom("report_texts as t")
    .leftJoin("users as u", "u.id", "t.updated_by")
    .select(["t.section", "t.text", "t.version", "t.updated_at", "u.username"])
    .where("t.programme_id", "=", programmeId)
    .where("t.lang", "=", lang)
    .orderBy("t.section")
    .execute();
  return rows.map((r) => ({
    section: r.section,
    text: r.text,
    version: r.version,
    updatedBy: r.username,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/**
 * Store a section's wording (`text`) or reset it to the default (`text` null), based on the
 * version the editor read (0: none yet): a stale base → 409 stale_version, nothing stored. The
 * row is kept on reset so versions keep growing. Audited with before/after in the same
 * transaction. Returns the new version.
 */
export async function saveTextOverride(
  db: Db,
  actor: Actor,
  change: {
    programmeId: number;
    section: TextSection;
    lang: ReportLanguage;
    text: string | null;
    baseVersion: number;
  },
): Promise<{ version: number }> {
  const { programmeId, section, lang, text, baseVersion } = change;
  return auditedWrite(
    db,
    actor,
    { action: text === null ? "reset" : "update", entity: "report_text" },
    async (trx) => {
      const current = await trx
        .selectFrom("report_texts")
        .select(["id", "text", "version"])
        .where("programme_id", "=", programmeId)
        .where("section", "=", section)
        .where("lang", "=", lang)
        .forUpdate()
        .executeTakeFirst();
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== baseVersion) throw staleVersion("report text", currentVersion, baseVersion);
      const version = currentVersion + 1;
      await trx
        .insertInto("report_texts")
        .values({ programme_id: programmeId, section, lang, text, version, updated_by: actor.id })
        .onConflict((oc) =>
          oc.columns(["programme_id", "section", "lang"]).doUpdateSet({
            text,
            version,
            updated_by: actor.id,
            updated_at: new Date(),
          }),
        )
        .execute();
      return {
        result: { version },
        entityId: `${programmeId}/${lang}/${section}`,
        programmeId,
        before: { section, lang, text: current?.text ?? null, version: currentVersion },
        after: { section, lang, text, version },
      };
    },
  );
}
