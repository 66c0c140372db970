import { Badge, SimpleGrid, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { TitledPanel } from "../../app/ui/titled-panel.tsx";
import { useRegionFunnel } from "./api.ts";
import { StatusBadge } from "./status-badge.tsx";
import type { RegionFunnel } from "./types.ts";

const STAGES = ["trained", "started", "implementing", "neverStarted", "pausedOrStopped"] as const;

/**
 * The region's training-to-practice funnel of the programme — every site of the region, in the
 * programme or not: trained, started, still implementing, and beside them those trained who
 * never started and the sites paused or stopped (shown to administrators and coordinators).
 */
export function RegionFunnelCard({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const funnel = useRegionFunnel(programmeId, true);
  return (
    <TitledPanel title={t("siteStatus.funnel.title")} hint={t("siteStatus.funnel.hint")}>
      <QueryView query={funnel}>{(f) => <FunnelView funnel={f} />}</QueryView>
    </TitledPanel>
  );
}

function FunnelView({ funnel: f }: { funnel: RegionFunnel }) {
  const { t } = useTranslation();
  const flagged = f.sites.filter((s) => s.stage === "never_started" || s.stage === "paused_or_stopped");
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <DataTable
        caption={t("siteStatus.funnel.title")}
        head={(["stage", "sites", "professionals"] as const).map((k) => t(`siteStatus.funnel.${k}`))}
        rowCount={STAGES.length}
        empty=""
        minWidth={360}
      >
        {STAGES.map((stage) => (
          <Table.Tr key={stage} data-stage={stage}>
            <Table.Td>{t(`siteStatus.funnel.stages.${stage}`)}</Table.Td>
            <Table.Td>
              {f[stage].sites} / {f.regionSites}
            </Table.Td>
            <Table.Td>{f[stage].professionals}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <DataTable
        caption={t("siteStatus.funnel.flagged")}
        head={[
          t("common.code"),
          t("siteStatus.funnel.stage"),
          t("siteStatus.fields.status"),
          t("siteStatus.funnel.trained"),
        ]}
        rowCount={flagged.length}
        empty={t("siteStatus.funnel.noneFlagged")}
        minWidth={360}
      >
        {flagged.map((s) => (
          <Table.Tr key={s.siteId} data-funnel-site={s.siteCode}>
            <Table.Td fw={600}>
              {s.siteCode}
              {!s.inProgramme && (
                <Badge ml={6} size="xs" variant="outline" color="gray.7">
                  {t("siteStatus.funnel.outside")}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{t(`siteStatus.funnel.stageNames.${s.stage}`)}</Table.Td>
            <Table.Td>
              <StatusBadge status={s.status} />
            </Table.Td>
            <Table.Td>{s.trainedProfessionals}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </SimpleGrid>
  );
}
