import { useArtefact } from "../api.ts";
import { artefactPath, REGION, type Scope } from "../scope.ts";
import type { TocContent } from "../types.ts";

export interface TocOutput {
  id: string;
  text: string;
  scope: "region" | "site";
}

/** The outputs an activity may serve: those of the site's Theory of Change and of the region's. */
export function useTocOutputs(programmeId: number, scope: Scope): TocOutput[] {
  const region = useArtefact<TocContent>(programmeId, artefactPath("toc", REGION));
  const site = useArtefact<TocContent>(
    programmeId,
    artefactPath("toc", scope.siteId === null ? REGION : scope),
  );
  const outputs = (toc: TocContent | undefined, s: TocOutput["scope"]) =>
    (toc?.nodes ?? []).filter((n) => n.type === "output").map((n) => ({ id: n.id, text: n.text, scope: s }));
  return [
    ...(scope.siteId === null ? [] : outputs(site.data?.content, "site")),
    ...outputs(region.data?.content, "region"),
  ];
}
