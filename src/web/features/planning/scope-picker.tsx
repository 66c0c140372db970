import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCurrentUser } from "../../app/session.ts";
import { readableSites } from "./access.ts";
import { planningUrl, type Scope, scopeParam } from "./scope.ts";
import type { PlanningProgramme } from "./use-planning-programme.ts";

/** Switch an artefact between the region level and the sites I may read (hidden when there is one choice). */
export function ScopePicker({
  programme,
  artefact,
  scope,
}: {
  programme: PlanningProgramme;
  /** The address segment of the artefact: `swot`, `toc`, `action-plan`… */
  artefact: string;
  scope: Scope;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const sites = readableSites(me, programme.id, programme.sites);
  if (sites.length === 0) return null;
  const data = [
    { value: "region", label: t("planning.region") },
    ...sites.map((s) => ({ value: String(s.siteId), label: `${s.code} — ${s.name}` })),
  ];
  return (
    <Select
      label={t("planning.scope")}
      data={data}
      value={scopeParam(scope)}
      allowDeselect={false}
      w={300}
      onChange={(v) => v && navigate(planningUrl(programme.id, artefact, v))}
    />
  );
}
