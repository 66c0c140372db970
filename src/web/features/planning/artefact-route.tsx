import type { ReactNode } from "react";
import { useParams } from "react-router";
import { NotFoundPage } from "../../app/not-found-page.tsx";
import { QueryView } from "../../app/page.tsx";
import { parseScope, type Scope } from "./scope.ts";
import { type PlanningProgramme, usePlanningProgramme } from "./use-planning-programme.ts";

/** A planning page's programme and scope from the address (`/programmes/:id/planning/…/:scope`). */
export function PlanningRoute({
  children,
}: {
  children: (programme: PlanningProgramme, scope: Scope) => ReactNode;
}) {
  const params = useParams();
  const programmeId = Number(params.id);
  const scope = parseScope(params.scope ?? "region");
  const programme = usePlanningProgramme(programmeId);
  if (!scope) return <NotFoundPage />;
  return <QueryView query={programme}>{(p) => children(p, scope)}</QueryView>;
}
