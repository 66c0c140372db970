import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { AppError, conflict, forbidden, invalid, notFound } from "../infra/http/errors.ts";
import { CATALOGUE_IDS } from "./catalogue.ts";
import { type DefinitionIssue, type IndicatorDefinition, validate } from "./definition.ts";
import { meta } from "./programme-view.ts";
import { BUILT_IN, checkAgainstProgramme, type ProgrammeContext, type StoredDefinition } from "./service.ts";

/** Validate a user definition, fully, with issues at `body.definition.<path>`. */
export function parseDefinition(
  input: unknown,
  ctx: ProgrammeContext,
  field = "body.definition",
): IndicatorDefinition {
  const v = validate(input);
  const issues: DefinitionIssue[] = v.ok ? checkAgainstProgramme(v.definition, ctx) : v.issues;
  if (!v.ok || issues.length > 0) {
    const fieldIssues = issues.map((i) => ({
      field: i.path ? `${field}.${i.path}` : field,
      rule: i.rule,
      ...(i.params ? { params: i.params } : {}),
      message: i.message,
    }));
    throw new AppError(
      "validation",
      fieldIssues.map((i) => `${i.field}: ${i.message}`).join("; "),
      fieldIssues,
    );
  }
  return v.definition;
}

/** The built-in definitions, then the programme's own, as the API lists them. */
export function listDefinitions(ctx: ProgrammeContext, own: StoredDefinition[]) {
  return {
    definitions: [
      ...BUILT_IN.map((d) => ({
        id: d.id,
        builtIn: true,
        version: 0,
        updatedAt: null,
        meta: meta(d, ctx),
        definition: d,
      })),
      ...own.map((o) => ({
        id: o.definition.id,
        builtIn: false,
        version: o.version,
        updatedAt: o.updatedAt,
        meta: meta(o.definition, ctx),
        definition: o.definition,
      })),
    ],
  };
}

const stored = (
  d: IndicatorDefinition,
  ctx: ProgrammeContext,
  row: { version: number; updated_at: Date | string },
) => ({
  id: d.id,
  builtIn: false,
  version: row.version,
  updatedAt: new Date(row.updated_at).toISOString(),
  meta: meta(d, ctx),
  definition: d,
});

/** Add an indicator of the programme; its id must be new to the programme. Audited. */
export function createDefinition(db: Db, actor: Actor, ctx: ProgrammeContext, d: IndicatorDefinition) {
  return auditedWrite(db, actor, { action: "create", entity: "indicator_definition" }, async (trx) => {
    const taken = await trx
      .selectFrom("indicator_definitions")
      .select("id")
      .where("programme_id", "=", ctx.id)
      .where("indicator_id", "=", d.id)
      .executeTakeFirst();
    if (taken) throw conflict(`the programme already has an indicator "${d.id}"`, "body.definition.id");
    const row = await trx
      .insertInto("indicator_definitions")
      .values({
        programme_id: ctx.id,
        indicator_id: d.id,
        definition: JSON.stringify(d),
        created_by: actor.id,
        updated_at: new Date(),
      })
      .returning(["id", "version", "updated_at"])
      .executeTakeFirstOrThrow();
    return { result: stored(d, ctx, row), entityId: row.id, programmeId: ctx.id, before: null, after: d };
  });
}

/** Replace one of the programme's own definitions, if `baseVersion` is still the stored one. */
export function replaceDefinition(
  db: Db,
  actor: Actor,
  ctx: ProgrammeContext,
  id: string,
  d: IndicatorDefinition,
  baseVersion: number,
) {
  if (d.id !== id) {
    throw invalid("body.definition.id", "immutable", "an indicator keeps its id: create a new one instead");
  }
  return auditedWrite(db, actor, { action: "update", entity: "indicator_definition" }, async (trx) => {
    const row = await trx
      .selectFrom("indicator_definitions")
      .select(["id", "version", "definition"])
      .where("programme_id", "=", ctx.id)
      .where("indicator_id", "=", d.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) {
      if (CATALOGUE_IDS.includes(d.id)) throw forbidden("built-in indicators cannot be changed");
      throw notFound("indicator");
    }
    if (row.version !== baseVersion) {
      throw new AppError(
        "stale_version",
        `the indicator changed since you read it (version ${row.version}, you sent ${baseVersion})`,
        [{ field: "body.baseVersion", rule: "stale_version", message: "reload and apply your change again" }],
      );
    }
    const updated = await trx
      .updateTable("indicator_definitions")
      .set({ definition: JSON.stringify(d), version: row.version + 1, updated_at: new Date() })
      .where("id", "=", row.id)
      .returning(["version", "updated_at"])
      .executeTakeFirstOrThrow();
    return {
      result: stored(d, ctx, updated),
      entityId: row.id,
      programmeId: ctx.id,
      before: row.definition,
      after: d,
    };
  });
}

/** Delete one of the programme's own indicators, its pin and its targets. Built-ins cannot be deleted. */
export async function deleteDefinition(db: Db, actor: Actor, ctx: ProgrammeContext, id: string) {
  await auditedWrite(db, actor, { action: "delete", entity: "indicator_definition" }, async (trx) => {
    const row = await trx
      .deleteFrom("indicator_definitions")
      .where("programme_id", "=", ctx.id)
      .where("indicator_id", "=", id)
      .returning(["id", "definition"])
      .executeTakeFirst();
    if (!row) {
      if (CATALOGUE_IDS.includes(id)) throw forbidden("built-in indicators cannot be deleted");
      throw notFound("indicator");
    }
    await trx
      .deleteFrom("indicator_pins")
      .where("programme_id", "=", ctx.id)
      .where("indicator_id", "=", id)
      .execute();
    await trx
      .deleteFrom("indicator_targets")
      .where("programme_id", "=", ctx.id)
      .where("indicator_id", "=", id)
      .execute();
    return { result: null, entityId: row.id, programmeId: ctx.id, before: row.definition, after: null };
  });
}
