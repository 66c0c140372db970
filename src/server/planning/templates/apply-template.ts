import type { ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { Actor, AuditEntry } from "../../infra/audit/audit.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import { AppError } from "../../infra/http/errors.ts";
import { actionPlanSpec } from "../action-plan/action-plan.ts";
import { ActionPlanBody } from "../action-plan/schemas.ts";
import { startSitesFromRegion } from "../from-region/copy.ts";
import { FROM_REGION } from "../from-region/kinds.ts";
import { questionnaireSpec } from "../questionnaire/definition.ts";
import { DefinitionBody } from "../questionnaire/schemas.ts";
import { SanaTemplateBody } from "../sana/schemas.ts";
import { sanaTemplateSpec } from "../sana/template.ts";
import { TagsBody } from "../swot/schemas.ts";
import { swotTagsSpec } from "../swot/tags.ts";
import { TocBody } from "../toc/schemas.ts";
import { tocSpec } from "../toc/toc.ts";
import type { ArtefactSpec } from "../versions/artefact-routes.ts";
import type { ArtefactKind, Owner } from "../versions/owner.ts";
import { planningWrite } from "../versions/planning-write.ts";
import { writeVersion } from "../versions/write-version.ts";
import type { PlanningTemplate, TemplatePart } from "./template.ts";

const LABELS: Record<TemplatePart, string> = {
  sana_template: "SANA template",
  swot_tags: "SWOT tag vocabulary",
  toc: "regional Theory of Change",
  action_plan: "regional action plan",
  questionnaire: "progress questionnaire",
};

/**
 * Apply a template to a programme in one transaction: each chosen part becomes a new version of
 * the programme's region-level artefact (or a new questionnaire). Parts that already exist are
 * refused together (409, nothing written) unless `replace` is set; then the template's version
 * is saved on top and the old one stays in the history. Each part passes the same checks as a
 * save through the API (a tag still used by a SWOT cannot disappear, a ToC must make sense).
 * Then every site of the programme without its own Theory of Change or action plan starts from
 * the region's (planning/from-region), in the same transaction.
 */
export async function applyTemplate(
  db: Db,
  actor: Actor,
  principal: Principal,
  programme: ProgrammeWithSites,
  template: PlanningTemplate,
  parts: TemplatePart[],
  replace: boolean,
) {
  return planningWrite(db, actor, async (trx) => {
    const region = (kind: ArtefactKind): Owner => ({ programmeId: programme.id, kind, siteId: null });
    const [existing, questionnaire] = await Promise.all([
      trx
        .selectFrom("planning_artefacts")
        .select(["kind", "current_version"])
        .where("programme_id", "=", programme.id)
        .where("site_id", "is", null)
        .where("kind", "in", ["sana_template", "swot_tags", "toc", "action_plan"])
        .where("current_version", ">", 0)
        .execute(),
      trx
        .selectFrom("planning_questionnaires")
        .select("id")
        .where("programme_id", "=", programme.id)
        .where("code", "=", template.questionnaire.code)
        .executeTakeFirst(),
    ]);
    const present = new Set<string>(existing.map((e) => e.kind));
    if (questionnaire) present.add("questionnaire");
    const clashes = parts.filter((p) => present.has(p));
    if (clashes.length && !replace) {
      const message = `the programme already has its ${clashes.map((c) => LABELS[c]).join(", ")}: send replace: true to save the template's as new versions (the history keeps the current ones)`;
      throw new AppError("conflict", message, [{ field: "body.replace", rule: "exists", message }]);
    }

    const audits: AuditEntry[] = [];
    const applied: Array<{ part: TemplatePart; version: number }> = [];
    const save = async <C extends object>(
      part: TemplatePart,
      spec: Pick<ArtefactSpec<C>, "what" | "prepare">,
      owner: Owner,
      content: C,
      base: number | "latest",
    ) => {
      const ctx = { db: trx, owner, programme, principal };
      const written = await writeVersion(trx, actor, owner, spec.what, base, () =>
        spec.prepare(ctx, content),
      );
      audits.push({ ...written.audit, detail: { ...written.audit.detail, template: template.id } });
      applied.push({ part, version: written.stored.version });
    };
    for (const part of parts) {
      if (part === "sana_template")
        await save(
          part,
          sanaTemplateSpec,
          region("sana_template"),
          SanaTemplateBody.parse(template.sanaTemplate),
          "latest",
        );
      else if (part === "swot_tags")
        await save(part, swotTagsSpec, region("swot_tags"), TagsBody.parse(template.swotTags), "latest");
      else if (part === "toc")
        await save(part, tocSpec, region("toc"), TocBody.parse(template.toc), "latest");
      else if (part === "action_plan")
        await save(
          part,
          actionPlanSpec,
          region("action_plan"),
          ActionPlanBody.parse(template.actionPlan),
          "latest",
        );
      else {
        const { code, ...definition } = template.questionnaire;
        let id = questionnaire?.id;
        if (id === undefined) {
          const row = await trx
            .insertInto("planning_questionnaires")
            .values({ programme_id: programme.id, code, title: definition.title })
            .returning("id")
            .executeTakeFirstOrThrow();
          id = row.id;
        }
        await save(
          part,
          questionnaireSpec,
          { ...region("questionnaire"), questionnaireId: id },
          DefinitionBody.parse(definition),
          "latest",
        );
      }
    }
    // sites without their own Theory of Change or action plan start from the region's (and from
    // its SANA, were it copied automatically): the copies commit with the template or not at all
    const started: Array<{ kind: ArtefactKind; sites: number }> = [];
    for (const spec of FROM_REGION) {
      const copies = await startSitesFromRegion({ trx, actor, principal, programme }, spec);
      audits.push(...copies.map((a) => ({ ...a, detail: { ...a.detail, template: template.id } })));
      if (copies.length) started.push({ kind: spec.kind, sites: copies.length });
    }
    return { result: { template: template.id, applied, started }, audits };
  });
}
