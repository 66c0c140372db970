import { sheetColumns } from "../../../shared/xlsx.ts";
import { Issues } from "../issues.ts";
import { type ArtefactSpec, regionAndSiteMounts } from "../versions/artefact-routes.ts";
import { SanaValuesBody, type SanaValuesContent } from "./schemas.ts";
import { indicatorsById, loadSanaTemplate } from "./template-repository.ts";

const EXPECTED = {
  number: "a number",
  percentage: "a percentage from 0 to 100",
  text: "a text",
  yes_no: "true or false",
} as const;
/** The `expected` of a `type` issue, which a client says in its language. */
const EXPECTED_TYPE = { number: "number", percentage: "number", text: "string", yes_no: "boolean" } as const;

/**
 * SANA values for the region or a site: one per indicator of the programme's template, with its
 * source and year. A value must suit its indicator's type; unknown indicators are refused.
 */
export const sanaValuesSpec: ArtefactSpec<SanaValuesContent> = {
  kind: "sana",
  what: "situation analysis (SANA)",
  mounts: regionAndSiteMounts("sana", "sana"),
  body: SanaValuesBody,
  viewSchema: SanaValuesBody,
  empty: () => ({ values: [] }),
  // the region's figures describe the region: a site copies them only when it chooses to
  fromRegion: { automatic: false, adapt: (_ctx, region) => region },
  async prepare(ctx, content) {
    const issues = new Issues();
    const indicators = indicatorsById(await loadSanaTemplate(ctx.db, ctx.owner.programmeId));
    const seen = new Set<string>();
    content.values.forEach((v, i) => {
      const field = `body.values.${i}`;
      const ind = indicators.get(v.indicatorId);
      if (!ind) {
        issues.add(
          `${field}.indicatorId`,
          "reference",
          `"${v.indicatorId}" is not an indicator of the SANA template`,
        );
        return;
      }
      if (seen.has(v.indicatorId))
        issues.add(`${field}.indicatorId`, "unique", `"${ind.name}" has a value already in this list`);
      seen.add(v.indicatorId);
      if (v.value === null) return;
      const ok =
        ind.type === "number" || ind.type === "percentage"
          ? typeof v.value === "number"
          : ind.type === "yes_no"
            ? typeof v.value === "boolean"
            : typeof v.value === "string";
      const message = `"${ind.name}" takes ${EXPECTED[ind.type]}`;
      if (!ok) issues.add(`${field}.value`, "type", message, { expected: EXPECTED_TYPE[ind.type] });
      else if (ind.type === "percentage" && ((v.value as number) < 0 || (v.value as number) > 100))
        issues.add(`${field}.value`, "range", message, { min: 0, max: 100 });
    });
    issues.throwIfAny();
    return content;
  },
  async sheets(ctx, content) {
    const indicators = indicatorsById(await loadSanaTemplate(ctx.db, ctx.owner.programmeId));
    return [
      {
        name: "SANA",
        columns: sheetColumns({
          Area: 30,
          Indicator: 50,
          Unit: 16,
          Value: 16,
          Source: 30,
          Year: 8,
          Note: 40,
        }),
        rows: content.values.map((v) => {
          const ind = indicators.get(v.indicatorId);
          return [
            ind?.area ?? "",
            ind?.name ?? v.indicatorId,
            ind?.unit ?? "",
            v.value,
            v.source,
            v.year,
            v.note,
          ];
        }),
      },
    ];
  },
};
