import { Button, Group, Paper, Stack, Table, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useSite } from "../../../app/data/structure.ts";
import { useProfessionals } from "../../../app/data/teams.ts";
import { Page, QueryView } from "../../../app/page.tsx";
import { useCurrentUser } from "../../../app/session.ts";
import { DataTable } from "../../../app/table.tsx";
import type { SiteDetail } from "../../../app/types.ts";
import { useCourses, useSupervision } from "../api.ts";
import { useFormatDate } from "../labels.ts";
import { CourseModal } from "./course-modal.tsx";
import { CoursesTable } from "./courses-table.tsx";
import { SupervisionModal } from "./supervision-modal.tsx";

/** A site's workforce: supervision sessions and the site's own training courses. */
export function SiteWorkforcePage() {
  const siteId = Number(useParams().id);
  const site = useSite(siteId);
  return <QueryView query={site}>{(s) => <Workforce site={s} />}</QueryView>;
}

function Workforce({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const date = useFormatDate();
  const canManage = me.sites.find((s) => s.id === site.id)?.canManage ?? false;
  const professionals = useProfessionals(site.id);
  const supervision = useSupervision(site.id);
  const courses = useCourses({ siteId: site.id });
  const [modal, setModal] = useState<"supervision" | "course" | null>(null);
  const codeOf = new Map((professionals.data ?? []).map((p) => [p.id, p.code]));
  return (
    <Page
      title={t("measures.workforce.title", { site: site.code })}
      subtitle={t("measures.workforce.hint")}
      crumbs={[{ label: site.code, to: `/sites/${site.id}` }, { label: t("measures.workforce.siteNav") }]}
    >
      <Paper withBorder p="md" component="section" aria-labelledby="supervision-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="supervision-title">
            {t("measures.workforce.supervision")}
          </Title>
          {canManage && (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={() => setModal("supervision")}
            >
              {t("measures.workforce.newSupervision")}
            </Button>
          )}
        </Group>
        <QueryView query={supervision}>
          {(list) => (
            <DataTable
              caption={t("measures.workforce.supervision")}
              head={[
                t("measures.workforce.date"),
                t("measures.workforce.supervisor"),
                t("measures.workforce.format"),
                t("measures.workforce.duration"),
                t("measures.workforce.supervised"),
              ]}
              rowCount={list.length}
              empty={t("measures.workforce.noSupervision")}
            >
              {list.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{date(s.date)}</Table.Td>
                  <Table.Td>{s.supervisor}</Table.Td>
                  <Table.Td>{t(`measures.workforce.formats.${s.format}`)}</Table.Td>
                  <Table.Td>
                    {s.durationMin === null ? "—" : t("measures.workforce.minutes", { count: s.durationMin })}
                  </Table.Td>
                  <Table.Td>{s.professionalIds.map((id) => codeOf.get(id) ?? `#${id}`).join(", ")}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryView>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="local-courses-title">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4" id="local-courses-title">
              {t("measures.courses.local")}
            </Title>
            {canManage && (
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                onClick={() => setModal("course")}
              >
                {t("measures.courses.newLocal")}
              </Button>
            )}
          </Group>
          <QueryView query={courses}>
            {(list) => <CoursesTable courses={list} caption={t("measures.courses.local")} />}
          </QueryView>
        </Stack>
      </Paper>
      {modal === "supervision" && (
        <SupervisionModal
          siteId={site.id}
          professionals={professionals.data ?? []}
          onClose={() => setModal(null)}
        />
      )}
      {modal === "course" && (
        <CourseModal programmeId={null} siteId={site.id} onClose={() => setModal(null)} />
      )}
    </Page>
  );
}
