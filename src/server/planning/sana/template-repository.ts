import type { Executor } from "../../infra/db/executor.ts";
import { loadCurrent } from "../versions/repository.ts";
import type { SanaTemplateContent } from "./schemas.ts";

/** The programme's current SANA template (no areas before the first save). */
export async function loadSanaTemplate(db: Executor, programmeId: number): Promise<SanaTemplateContent> {
  const current = await loadCurrent(db, { programmeId, kind: "sana_template", siteId: null });
  return (current?.content as SanaTemplateContent | undefined) ?? { areas: [] };
}

export type TemplateIndicator = SanaTemplateContent["areas"][number]["indicators"][number] & {
  id: string;
  area: string;
};

/** Every indicator of the template by id, with its area's title. */
export function indicatorsById(template: SanaTemplateContent): Map<string, TemplateIndicator> {
  return new Map(
    template.areas.flatMap((a) =>
      a.indicators.map((i) => [i.id!, { ...i, id: i.id!, area: a.title }] as const),
    ),
  );
}
