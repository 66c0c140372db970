import { Anchor, Button, Group, Paper, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { IconPin } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../../app/session.ts";
import { DataTable } from "../../app/table.tsx";
import { ReportMenu } from "../report/public.ts";
import { useDashboardHref } from "./as-of.ts";
import { CellValue } from "./cell-value.tsx";
import { type DashboardContext, DashboardPage, WithIndicators } from "./dashboard-page.tsx";
import { useFormat } from "./format.ts";
import { IndicatorTile } from "./indicator-tile.tsx";
import { useIndicatorText } from "./labels.ts";
import { sitesAtTarget } from "./model.ts";
import { PinsModal } from "./pins-modal.tsx";
import { StatusBadge } from "./status-badge.tsx";

/** The programme overview: headline tiles for the pinned indicators, then every indicator. */
export function OverviewPage() {
  return <WithIndicators>{(ctx) => <Overview ctx={ctx} />}</WithIndicators>;
}

function Overview({ ctx }: { ctx: DashboardContext }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { model, programmeId, asOf } = ctx;
  const { programme, pinned } = model.data;
  const canEdit = me.isAdmin || me.programmes.some((p) => p.id === programmeId && p.canEdit);
  const [choosing, setChoosing] = useState(false);
  const tiles = pinned.flatMap((id) => model.meta(id) ?? []);
  return (
    <DashboardPage
      ctx={ctx}
      tab="overview"
      title={t("dashboard.titleNamed", { code: programme.code })}
      subtitle={programme.name}
      crumb={t("dashboard.tabs.overview")}
      actions={<ReportMenu programmeId={programmeId} asOf={asOf} canEditTexts={canEdit} />}
    >
      <section aria-labelledby="pinned-title">
        <SimpleGrid cols={{ base: 1, xs: 2 }} mb="xs">
          <Title id="pinned-title" order={2} size="h4">
            {t("dashboard.overview.pinned")}
          </Title>
          {canEdit && (
            <Button
              justify="flex-end"
              ml="auto"
              variant="default"
              size="xs"
              leftSection={<IconPin size={14} aria-hidden="true" />}
              onClick={() => setChoosing(true)}
            >
              {t("dashboard.overview.choosePins")}
            </Button>
          )}
        </SimpleGrid>
        {tiles.length === 0 ? (
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">
              {t("dashboard.overview.nonePinned")} {canEdit && t("dashboard.overview.nonePinnedCoordinator")}
            </Text>
          </Paper>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }}>
            {tiles.map((meta) => (
              <IndicatorTile key={meta.id} meta={meta} model={model} programmeId={programmeId} asOf={asOf} />
            ))}
          </SimpleGrid>
        )}
      </section>
      <AllIndicators ctx={ctx} />
      {canEdit && choosing && (
        <PinsModal
          programmeId={programmeId}
          definitions={model.definitions}
          pinned={pinned}
          opened
          onClose={() => setChoosing(false)}
        />
      )}
    </DashboardPage>
  );
}

/** Every indicator's programme value, target and status, each leading to its chart. */
function AllIndicators({ ctx }: { ctx: DashboardContext }) {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useDashboardHref();
  const { label } = useIndicatorText();
  const { model } = ctx;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="all-title">
      <Title id="all-title" order={2} size="h4" mb="sm">
        {t("dashboard.overview.all")}
      </Title>
      <DataTable
        caption={t("dashboard.overview.allCaption")}
        head={[
          t("dashboard.indicator"),
          t("dashboard.programmeRow"),
          t("dashboard.target"),
          t("dashboard.againstTarget"),
        ]}
        rowCount={model.definitions.length}
        empty={t("dashboard.noData")}
      >
        {model.definitions.map((meta) => {
          const cell = model.cell(meta.id, null);
          const perSite = sitesAtTarget(model, meta);
          const { target, status } = model.target(meta.id, null);
          return (
            <Table.Tr key={meta.id}>
              <Table.Td>
                <Anchor component={Link} to={href(`/charts/${meta.id}`)} size="sm">
                  {label(meta)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <CellValue kind={meta.kind} cell={cell} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {target ? f.target(meta.kind, target) : perSite ? t("dashboard.targetSitesOnly") : "—"}
                  {meta.targetSource === "sites" && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      {t("dashboard.targetSum")}
                    </Text>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  {target && <StatusBadge status={status} />}
                  {perSite && (
                    <StatusBadge
                      status={perSite.met === perSite.total ? "met" : "notMet"}
                      label={t("dashboard.sitesAtTarget", { count: perSite.met, total: perSite.total })}
                    />
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </Paper>
  );
}
