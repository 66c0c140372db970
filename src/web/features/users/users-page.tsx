import { Badge, Button, Group, Paper, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProgrammes } from "../../app/data/programmes.ts";
import { useSites } from "../../app/data/structure.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { DataTable, EditButton } from "../../app/table.tsx";
import type { Role, User } from "../../app/types.ts";
import { useUsers } from "./api.ts";
import { UserCreateModal } from "./user-create-modal.tsx";
import { UserEditModal } from "./user-edit-modal.tsx";

/** Users and their roles (administrators only). */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const programmes = useProgrammes();
  const sites = useSites();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const programmeCode = (id: number | null) => programmes.data?.find((p) => p.id === id)?.code ?? `#${id}`;
  const siteCode = (id: number | null) => sites.data?.find((s) => s.id === id)?.code ?? `#${id}`;

  return (
    <Page
      title={t("nav.users")}
      subtitle={t("users.subtitle")}
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
          {t("users.new")}
        </Button>
      }
    >
      <Paper withBorder p="md">
        <QueryView query={users}>
          {(list) => (
            <DataTable
              caption={t("nav.users")}
              head={[
                t("auth.username"),
                t("users.displayName"),
                t("users.roles"),
                t("users.status"),
                t("common.actions"),
              ]}
              rowCount={list.length}
              empty={t("users.none")}
            >
              {list.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td fw={600}>{u.username}</Table.Td>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {u.grants.map((g) => (
                        <Badge key={g.id} variant="light" color="indigo" tt="none">
                          {t(`roles.${g.role as Role}`)}
                          {g.programmeId !== null ? ` · ${programmeCode(g.programmeId)}` : ""}
                          {g.siteId !== null ? ` · ${siteCode(g.siteId)}` : ""}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {u.active ? (
                        <Badge variant="light" color="teal">
                          {t("users.activeBadge")}
                        </Badge>
                      ) : (
                        <Badge variant="light" color="gray">
                          {t("users.inactiveBadge")}
                        </Badge>
                      )}
                      {u.mustChangePassword && (
                        <Text size="xs" c="dimmed">
                          {t("users.mustChangeBadge")}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <EditButton name={u.username} onClick={() => setEditing(u)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryView>
      </Paper>
      {creating && <UserCreateModal onClose={() => setCreating(false)} />}
      {editing && <UserEditModal user={editing} onClose={() => setEditing(null)} />}
    </Page>
  );
}
