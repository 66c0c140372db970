import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ErrorAlert, QueryView } from "../../../app/page.tsx";
import { useCurrentUser } from "../../../app/session.ts";
import { DataTable, EditButton } from "../../../app/table.tsx";
import { AppModal } from "../../../app/ui/app-modal.tsx";
import { notifySaved } from "../../../app/ui/notify.ts";
import { TitledPanel } from "../../../app/ui/titled-panel.tsx";
import { useDefinitions, useDeleteDefinition } from "../api.ts";
import { useDashboardHref } from "../as-of.ts";
import { ComputedFromBadge, ComputedFromLegend } from "../computed-from.tsx";
import { type DashboardContext, DashboardPage, WithIndicators } from "../dashboard-page.tsx";
import { useFormat } from "../format.ts";
import { useIndicatorText } from "../labels.ts";
import type { StoredDefinition } from "../types.ts";

/** The programme's indicators: its own (editable by coordinators) and the built-in catalogue. */
export function IndicatorsPage() {
  return <WithIndicators>{(ctx) => <Indicators ctx={ctx} />}</WithIndicators>;
}

function Indicators({ ctx }: { ctx: DashboardContext }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const href = useDashboardHref();
  const definitions = useDefinitions(ctx.programmeId);
  const canEdit = me.isAdmin || me.programmes.some((p) => p.id === ctx.programmeId && p.canEdit);
  return (
    <DashboardPage
      ctx={ctx}
      tab="editor"
      title={t("dashboard.editor.title")}
      subtitle={t("dashboard.editor.subtitle")}
      actions={
        canEdit && (
          <Button
            component={Link}
            to={href("/indicators/new")}
            leftSection={<IconPlus size={16} aria-hidden="true" />}
          >
            {t("dashboard.editor.new")}
          </Button>
        )
      }
    >
      {!canEdit && (
        <Alert variant="light" color="gray" py="xs">
          {t("dashboard.editor.noAccess")}
        </Alert>
      )}
      <QueryView query={definitions}>
        {(list) => <DefinitionTables ctx={ctx} list={list} canEdit={canEdit} />}
      </QueryView>
    </DashboardPage>
  );
}

function DefinitionTables({
  ctx,
  list,
  canEdit,
}: {
  ctx: DashboardContext;
  list: StoredDefinition[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useDashboardHref();
  const navigate = useNavigate();
  const { label, description } = useIndicatorText();
  const [deleting, setDeleting] = useState<StoredDefinition | null>(null);
  const remove = useDeleteDefinition(ctx.programmeId);
  const own = list.filter((d) => !d.builtIn);
  const builtIn = list.filter((d) => d.builtIn);
  const target = (d: StoredDefinition) =>
    d.meta.target === null ? "—" : f.number(d.meta.kind, d.meta.target);
  const rows = (items: StoredDefinition[], editable: boolean) =>
    items.map((d) => (
      <Table.Tr key={d.id}>
        <Table.Td>
          <Anchor component={Link} to={href(`/charts/${d.id}`)} size="sm" fw={600}>
            {label(d.meta)}
          </Anchor>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {description(d.meta)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="xs" ff="monospace">
            {d.id}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{t(`dashboard.kind.${d.meta.kind}`)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{target(d)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{t(`dashboard.direction.${d.meta.direction ?? "none"}`)}</Text>
        </Table.Td>
        <Table.Td>
          <ComputedFromBadge value={d.meta.computedFrom} />
        </Table.Td>
        {editable && (
          <Table.Td>
            <Group gap={4} wrap="nowrap">
              <EditButton name={label(d.meta)} onClick={() => navigate(href(`/indicators/${d.id}/edit`))} />
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} aria-hidden="true" />}
                aria-label={t("dashboard.editor.deleteNamed", { name: label(d.meta) })}
                onClick={() => setDeleting(d)}
              >
                {t("common.remove")}
              </Button>
            </Group>
          </Table.Td>
        )}
      </Table.Tr>
    ));
  const head = [
    t("dashboard.indicator"),
    t("dashboard.editor.id"),
    t("dashboard.editor.kindLabel"),
    t("dashboard.target"),
    t("dashboard.editor.directionLabel"),
    t("dashboard.computedFrom.column"),
  ];
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <ComputedFromLegend />
      </Paper>
      <TitledPanel title={t("dashboard.editor.own")}>
        <DataTable
          caption={t("dashboard.editor.own")}
          head={canEdit ? [...head, t("common.actions")] : head}
          rowCount={own.length}
          empty={t("dashboard.editor.noneOwn")}
        >
          {rows(own, canEdit)}
        </DataTable>
      </TitledPanel>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("dashboard.editor.builtIn")}{" "}
          <Badge variant="light" color="gray" tt="none" ml={4}>
            {builtIn.length}
          </Badge>
        </Title>
        <DataTable caption={t("dashboard.editor.builtIn")} head={head} rowCount={builtIn.length} empty="—">
          {rows(builtIn, false)}
        </DataTable>
      </Paper>
      <AppModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={deleting ? t("dashboard.editor.deleteNamed", { name: label(deleting.meta) }) : ""}
      >
        <Stack>
          <Text size="sm">
            {deleting && t("dashboard.editor.deleteConfirm", { name: label(deleting.meta) })}
          </Text>
          {remove.error && <ErrorAlert error={remove.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                deleting &&
                remove.mutate(deleting.id, {
                  onSuccess: () => {
                    notifySaved(t("dashboard.editor.deleted"));
                    setDeleting(null);
                  },
                })
              }
            >
              {t("common.remove")}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}
