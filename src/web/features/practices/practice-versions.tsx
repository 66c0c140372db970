import { Button, Paper, Stack, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePracticeVersions } from "../../app/data/practices.ts";
import { useFormatDateTime } from "../../app/format.ts";
import { QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { DefinitionView } from "./definition-view.tsx";

/** Every saved version of a practice, newest first: who saved it and when; each can be opened. */
export function PracticeVersions({ practiceId }: { practiceId: number }) {
  const { t } = useTranslation();
  const versions = usePracticeVersions(practiceId);
  const when = useFormatDateTime();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Paper withBorder p="md">
      <QueryView query={versions}>
        {(list) => (
          <DataTable
            caption={t("practices.history")}
            head={[
              t("practices.version"),
              t("practices.savedAt"),
              t("practices.savedBy"),
              t("common.details"),
            ]}
            rowCount={list.length}
            empty={t("practices.noVersions")}
          >
            {list.map((v) => (
              <Fragment key={v.version}>
                <Table.Tr>
                  <Table.Td>v{v.version}</Table.Td>
                  <Table.Td>{when(v.createdAt)}</Table.Td>
                  <Table.Td>{v.createdBy ?? t("practices.system")}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-expanded={open === v.version}
                      aria-controls={`version-${v.version}`}
                      leftSection={
                        open === v.version ? (
                          <IconChevronDown size={14} aria-hidden="true" />
                        ) : (
                          <IconChevronRight size={14} aria-hidden="true" />
                        )
                      }
                      onClick={() => setOpen(open === v.version ? null : v.version)}
                    >
                      {open === v.version ? t("common.hide") : t("common.show")}
                      <span className="visually-hidden"> v{v.version}</span>
                    </Button>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr id={`version-${v.version}`} hidden={open !== v.version}>
                  <Table.Td colSpan={4}>
                    {open === v.version && (
                      <Stack p="sm">
                        <Text size="sm" fw={600}>
                          {t("practices.definitionOf", { version: v.version })}
                        </Text>
                        <DefinitionView definition={v.definition} headingLevel={3} />
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              </Fragment>
            ))}
          </DataTable>
        )}
      </QueryView>
    </Paper>
  );
}
