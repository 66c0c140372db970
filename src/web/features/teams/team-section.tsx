import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProfessionals } from "../../app/data/teams.ts";
import { ErrorAlert, Loading } from "../../app/page.tsx";
import { DataTable, EditButton } from "../../app/table.tsx";
import type { Professional } from "../../app/types.ts";
import { YesNo } from "../../app/ui/yes-no.tsx";
import { ProfessionalModal } from "./professional-modal.tsx";
import { RemoveProfessional } from "./remove-professional.tsx";
import { TurnoverTable } from "./turnover-table.tsx";

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/**
 * The site's implementation team and its other professionals: who is in the team, who
 * coordinates it, who was trained (the figures behind team_size, team_trained and
 * trained_not_in_team). Those who manage the site add, change and remove members.
 */
export function TeamSection({ siteId, canManage }: { siteId: number; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const professionals = useProfessionals(siteId);
  const [show, setShow] = useState<"team" | "all">("team");
  const [editing, setEditing] = useState<Professional | null | undefined>();
  const [removing, setRemoving] = useState<Professional | null>(null);
  const list = professionals.data ?? [];
  const team = list.filter((p) => p.inImplementationTeam);
  const trainedInTeam = team.filter((p) => p.trained).length;
  const trainedOutside = list.filter((p) => p.trained && !p.inImplementationTeam).length;
  const shown = show === "team" ? team : list;
  const hours = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("teams.title")}
          </Title>
          {canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing(null)}>
              {t("teams.addMember")}
            </Button>
          )}
        </Group>
        {professionals.isPending ? (
          <Loading />
        ) : professionals.error ? (
          <ErrorAlert error={professionals.error} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <Stat label={t("teams.teamSize")} value={team.length} />
              <Stat label={t("teams.trainedInTeam")} value={`${trainedInTeam} / ${team.length}`} />
              <Stat label={t("teams.trainedNotInTeam")} value={trainedOutside} />
            </SimpleGrid>
            <SegmentedControl
              aria-label={t("teams.show")}
              value={show}
              onChange={(v) => setShow(v as "team" | "all")}
              data={[
                { value: "team", label: t("teams.showTeam") },
                { value: "all", label: t("teams.showAll") },
              ]}
              maw={420}
            />
            <DataTable
              caption={show === "team" ? t("teams.title") : t("teams.allProfessionals")}
              head={[
                t("teams.code"),
                t("teams.profile"),
                ...(show === "all" ? [t("teams.inTeam")] : []),
                t("teams.coordinator"),
                t("teams.trained"),
                t("teams.trainingHours"),
                ...(show === "all" ? [t("teams.leftOn")] : []),
                ...(canManage ? [t("common.actions")] : []),
              ]}
              rowCount={shown.length}
              empty={show === "team" ? t("teams.noTeam") : t("teams.noProfessionals")}
            >
              {shown.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.code}</Table.Td>
                  <Table.Td>{t(`profiles.${p.profile}`)}</Table.Td>
                  {show === "all" && (
                    <Table.Td>
                      <YesNo value={p.inImplementationTeam} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <YesNo value={p.teamCoordinator} />
                  </Table.Td>
                  <Table.Td>
                    <YesNo value={p.trained} />
                  </Table.Td>
                  <Table.Td>{p.trainingHours === null ? "—" : hours.format(p.trainingHours)}</Table.Td>
                  {show === "all" && <Table.Td style={{ whiteSpace: "nowrap" }}>{p.leftOn ?? "—"}</Table.Td>}
                  {canManage && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <EditButton name={p.code} onClick={() => setEditing(p)} />
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          onClick={() => setRemoving(p)}
                          aria-label={t("teams.removeNamed", { code: p.code })}
                        >
                          {t("common.remove")}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </DataTable>
            <TurnoverTable siteId={siteId} />
          </>
        )}
      </Stack>
      {editing !== undefined && (
        <ProfessionalModal siteId={siteId} professional={editing} onClose={() => setEditing(undefined)} />
      )}
      {removing && (
        <RemoveProfessional siteId={siteId} professional={removing} onClose={() => setRemoving(null)} />
      )}
    </Paper>
  );
}
