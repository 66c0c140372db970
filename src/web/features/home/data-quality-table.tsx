import { Anchor, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../app/table.tsx";
import type { Home } from "./api.ts";

type SiteCounts = Home["dataQuality"][number];

const CHECKS = [
  "enrolmentsWithoutDiagnosis",
  "patientsWithoutFirstContact",
  "plansWithoutSharedDate",
] as const;

/**
 * The records to complete per site. A site's code links to its list of records when the user may
 * open them (`canOpen`, the registry's access rules); otherwise the counts stand alone.
 */
export function DataQualityTable({
  sites,
  canOpen,
}: {
  sites: SiteCounts[];
  canOpen: (siteId: number) => boolean;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t("home.quality.caption")}
      minWidth={640}
      head={[t("home.quality.site"), ...CHECKS.map((c) => t(`home.quality.${c}`))]}
      rowCount={sites.length}
      empty={t("home.quality.noSites")}
    >
      {sites.map((s) => (
        <Table.Tr key={s.siteId}>
          <Table.Td>
            {canOpen(s.siteId) ? (
              <Anchor
                component={Link}
                to={`/sites/${s.siteId}/data-quality`}
                aria-label={t("home.quality.openSite", { site: s.siteCode })}
                fw={600}
              >
                {s.siteCode}
              </Anchor>
            ) : (
              s.siteCode
            )}
          </Table.Td>
          {CHECKS.map((c) => (
            <Table.Td key={c} fw={s[c] > 0 ? 700 : undefined}>
              {s[c]}
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
