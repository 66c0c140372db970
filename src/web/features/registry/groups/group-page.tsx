import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Title } from "@mantine/core";
import { IconPlayerPlay, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useGroup } from "../../../app/data/registry.ts";
import type { GroupDetail } from "../../../app/data/registry-types.ts";
import { PageQuery } from "../../../app/guards.tsx";
import { Page } from "../../../app/page.tsx";
import { useCurrentUser } from "../../../app/session.ts";
import { DataTable } from "../../../app/table.tsx";
import { Fact } from "../../../app/ui/fact.tsx";
import { useFormatDate } from "../dates.ts";
import { GroupMembersModal } from "./group-members-modal.tsx";
import { GroupSessionModal } from "./group-session-modal.tsx";

/** One group: its facts, members (with the capacity), sessions, and running a session. */
export function GroupPage() {
  const id = Number(useParams().id);
  const group = useGroup(id);
  return <PageQuery query={group}>{(g) => <GroupView group={g} />}</PageQuery>;
}

function GroupView({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const date = useFormatDate();
  const [members, setMembers] = useState(false);
  const [session, setSession] = useState(false);
  const site = me.sites.find((s) => s.id === g.siteId);
  const active = g.members.filter((m) => m.leftDate === null);
  return (
    <Page
      title={g.name}
      subtitle={`${t(`registry.groupKinds.${g.kind}`)} · ${g.code}`}
      crumbs={[
        { label: site?.code ?? "…", to: `/sites/${g.siteId}` },
        { label: t("registry.nav.groups"), to: `/sites/${g.siteId}/groups` },
        { label: g.name },
      ]}
      actions={
        <>
          <Button
            variant="default"
            leftSection={<IconUsers size={16} aria-hidden="true" />}
            onClick={() => setMembers(true)}
          >
            {t("registry.groups.editMembers")}
          </Button>
          <Button
            leftSection={<IconPlayerPlay size={16} aria-hidden="true" />}
            onClick={() => setSession(true)}
            disabled={active.length === 0}
          >
            {t("registry.session.run")}
          </Button>
        </>
      }
    >
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Fact strong label={t("registry.groups.dates")}>
            {date(g.startDate)} – {g.endDate ? date(g.endDate) : t("registry.groups.ongoing")}
          </Fact>
          <Fact strong label={t("registry.groups.members")}>
            {g.maxSize === null ? active.length : `${active.length} / ${g.maxSize}`}
          </Fact>
          <Fact strong label={t("registry.groups.sessions")}>
            {g.sessions.length}
          </Fact>
          <Fact strong label={t("registry.groups.facilitators")}>
            <Group gap={4}>
              {g.facilitators.length === 0
                ? "—"
                : g.facilitators.map((f) => (
                    <Badge key={f} variant="light" color="gray" tt="none">
                      {f}
                    </Badge>
                  ))}
            </Group>
          </Fact>
        </SimpleGrid>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              {t("registry.groups.members")}
            </Title>
            <DataTable
              caption={t("registry.groups.members")}
              minWidth={0}
              head={[t("registry.patient.code"), t("registry.groups.joined"), t("registry.groups.left")]}
              rowCount={g.members.length}
              empty={t("registry.groups.noMembers")}
            >
              {g.members.map((m) => (
                <Table.Tr key={m.patientId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/patients/${m.patientId}`} ff="monospace">
                      {m.patientCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{date(m.joinedDate)}</Table.Td>
                  <Table.Td>{m.leftDate ? date(m.leftDate) : "—"}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              {t("registry.groups.sessions")}
            </Title>
            <DataTable
              caption={t("registry.groups.sessions")}
              minWidth={0}
              head={[
                t("registry.session.date"),
                t("registry.intervention.module"),
                t("registry.intervention.professional"),
                t("registry.session.attendance"),
              ]}
              rowCount={g.sessions.length}
              empty={t("registry.groups.noSessions")}
            >
              {[...g.sessions]
                .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)
                .map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{date(s.date)}</Table.Td>
                    <Table.Td>{s.module ?? "—"}</Table.Td>
                    <Table.Td>{s.professionalCode ?? "—"}</Table.Td>
                    <Table.Td>{s.attendance}</Table.Td>
                  </Table.Tr>
                ))}
            </DataTable>
          </Stack>
        </Paper>
      </SimpleGrid>
      {members && <GroupMembersModal group={g} onClose={() => setMembers(false)} />}
      {session && <GroupSessionModal group={g} onClose={() => setSession(false)} />}
    </Page>
  );
}
