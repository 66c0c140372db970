import { Anchor, Badge, Stack, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../app/table.tsx";
import { TwoLineText } from "../../app/ui/two-line-text.tsx";
import { SCOPED_ARTEFACTS } from "./artefacts.ts";
import { planningUrl } from "./scope.ts";
import type { PlanningEntry, RegionLinkSummary } from "./types.ts";

/** Under a site's version: whether it follows the region's, was edited locally, or the region is newer. */
function RegionStanding({ link }: { link: RegionLinkSummary }) {
  const { t } = useTranslation();
  if (link.status !== "follows" && link.status !== "edited") return null;
  return (
    <Stack gap={2} mt={2}>
      <Badge
        color={link.status === "edited" ? "orange" : "teal"}
        c="dark.7"
        variant="light"
        size="sm"
        tt="none"
      >
        {link.status === "edited"
          ? t("planning.fromRegion.edited", { version: link.startedFrom })
          : t("planning.fromRegion.follows", { version: link.startedFrom })}
      </Badge>
      {link.regionNewer && (
        <Badge color="blue" c="dark.7" variant="light" size="sm" tt="none">
          {t("planning.fromRegion.regionNewer", { version: link.regionVersion })}
        </Badge>
      )}
    </Stack>
  );
}

/** Rows: the region and each site I may read; columns: the artefacts; each cell links to it with its version. */
export function PlanningMatrix({
  programmeId,
  sites,
  entries,
}: {
  programmeId: number;
  sites: Array<{ siteId: number; code: string; name: string }>;
  entries: PlanningEntry[];
}) {
  const { t } = useTranslation();
  const rows = [{ siteId: null as number | null, code: t("planning.region"), name: "" }, ...sites];
  const entry = (kind: string, siteId: number | null) =>
    entries.find((e) => e.kind === kind && e.siteId === siteId && e.questionnaireId === null);
  return (
    <DataTable
      caption={t("planning.home.matrix")}
      head={[t("planning.scope"), ...SCOPED_ARTEFACTS.map((a) => t(`planning.kinds.${a.kind}`))]}
      rowCount={rows.length}
      empty=""
      minWidth={760}
    >
      {rows.map((r) => (
        <Table.Tr key={r.siteId ?? "region"}>
          <Table.Th scope="row">
            <TwoLineText main={r.code} sub={r.name} />
          </Table.Th>
          {SCOPED_ARTEFACTS.map((a) => {
            const e = entry(a.kind, r.siteId);
            const state = e
              ? t("planning.home.versionN", { version: e.version })
              : t("planning.home.notStarted");
            return (
              <Table.Td key={a.kind}>
                <Anchor
                  component={Link}
                  to={planningUrl(programmeId, a.segment, r.siteId ?? "region")}
                  size="sm"
                  aria-label={t("planning.home.cellLink", {
                    state,
                    kind: t(`planning.kinds.${a.kind}`),
                    scope: r.code,
                  })}
                >
                  {state}
                </Anchor>
                {e?.fromRegion && <RegionStanding link={e.fromRegion} />}
              </Table.Td>
            );
          })}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
