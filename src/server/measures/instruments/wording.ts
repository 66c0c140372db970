import type { Actor } from "../../infra/audit/audit.ts";
import { auditedWrite } from "../../infra/audit/audited-write.ts";
import type { Db } from "../../infra/db/database.ts";
import { type FieldIssue, issuesError } from "../../infra/http/errors.ts";
import { type InstrumentDefinition, SHIPPED_TEXTS_LANGUAGE, textsShippedIn } from "./definition.ts";
import type { Wording, WordingBody } from "./schemas.ts";

export interface StoredWording {
  instructions?: string;
  items: Record<string, string>;
  options: Record<string, Record<string, string>>;
}

/** The wording a service loaded for an instrument in a language, or undefined. */
export async function loadWording(
  db: Db,
  code: string,
  language: string,
): Promise<StoredWording | undefined> {
  const row = await db
    .selectFrom("instrument_wordings")
    .select("wording")
    .where("instrument", "=", code)
    .where("language", "=", language)
    .executeTakeFirst();
  return row?.wording as StoredWording | undefined;
}

/** Instruments for which a wording is loaded in `language`. */
export async function instrumentsWithWording(db: Db, language: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("instrument_wordings")
    .select("instrument")
    .where("language", "=", language)
    .distinct()
    .execute();
  return new Set(rows.map((r) => r.instrument));
}

/**
 * Store a service's licensed wording of an instrument in a language (administrators), replacing
 * the previous one for that language. A wording is taken wherever the library ships no texts:
 * score-only instruments in any language, and the others in every language but English (e.g.
 * the published Italian PHQ-9, docs/instruments.md); every item and answer named must exist,
 * and every item must be worded.
 */
export async function saveWording(
  db: Db,
  actor: Actor,
  def: InstrumentDefinition,
  body: WordingBody,
): Promise<Wording> {
  const issues: FieldIssue[] = [];
  if (textsShippedIn(def, body.language))
    issues.push({
      field: "params.code",
      rule: "texts_included",
      message: `${def.code} ships its own texts in ${SHIPPED_TEXTS_LANGUAGE}; a wording is loaded only in another language or for a score-only instrument`,
    });
  const byId = new Map(def.items.map((i) => [i.id, i]));
  for (const id of Object.keys(body.items))
    if (!byId.has(id))
      issues.push({
        field: `body.items.${id}`,
        rule: "unknown_item",
        message: `${def.code} has no item "${id}"`,
      });
  for (const item of def.items)
    if (!(item.id in body.items))
      issues.push({
        field: `body.items.${item.id}`,
        rule: "required",
        message: `item ${item.id} needs its wording`,
      });
  for (const [id, options] of Object.entries(body.options)) {
    const item = byId.get(id);
    if (!item) {
      issues.push({
        field: `body.options.${id}`,
        rule: "unknown_item",
        message: `${def.code} has no item "${id}"`,
      });
      continue;
    }
    for (const value of Object.keys(options))
      if (!item.options.some((o) => o.value === Number(value)))
        issues.push({
          field: `body.options.${id}.${value}`,
          rule: "not_an_option",
          params: { values: item.options.map((o) => o.value) },
          message: `${value} is not an answer of item ${id}`,
        });
  }
  if (issues.length) throw issuesError(issues);
  const wording: StoredWording = {
    ...(body.instructions ? { instructions: body.instructions } : {}),
    items: body.items,
    options: body.options,
  };
  return auditedWrite(db, actor, { action: "update", entity: "instrument_wording" }, async (trx) => {
    const before = await trx
      .selectFrom("instrument_wordings")
      .select(["version", "licence_note"])
      .where("instrument", "=", def.code)
      .where("language", "=", body.language)
      .forUpdate()
      .executeTakeFirst();
    const row = await trx
      .insertInto("instrument_wordings")
      .values({
        instrument: def.code,
        language: body.language,
        wording: JSON.stringify(wording),
        licence_note: body.licenceNote,
        version: 1,
        updated_by: actor.id,
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc.columns(["instrument", "language"]).doUpdateSet((eb) => ({
          wording: eb.ref("excluded.wording"),
          licence_note: eb.ref("excluded.licence_note"),
          version: eb("instrument_wordings.version", "+", 1),
          updated_by: eb.ref("excluded.updated_by"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .returning(["instrument", "language", "version", "licence_note", "updated_at"])
      .executeTakeFirstOrThrow();
    const out = {
      instrument: row.instrument,
      language: row.language,
      version: row.version,
      licenceNote: row.licence_note,
      updatedAt: new Date(row.updated_at).toISOString(),
    };
    // the wording itself is licensed content: the audit keeps who changed it and when, not the text
    return {
      result: out,
      entityId: `${def.code}/${body.language}`,
      before: before ? { version: before.version, licenceNote: before.licence_note } : null,
      after: { version: out.version, licenceNote: out.licenceNote, items: Object.keys(body.items).length },
    };
  });
}
