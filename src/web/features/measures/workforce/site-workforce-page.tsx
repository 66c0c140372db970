import { Table } from "@mantine/core";
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
import { WorkforceSection } from "./workforce-section.tsx";

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
      <WorkforceSection
        id="supervision-title"
        title={t("measures.workforce.supervision")}
        addLabel={t("measures.workforce.newSupervision")}
        onAdd={canManage ? () => setModal("supervision") : null}
      >
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
      </WorkforceSection>
      <WorkforceSection
        id="local-courses-title"
        title={t("measures.courses.local")}
        addLabel={t("measures.courses.newLocal")}
        onAdd={canManage ? () => setModal("course") : null}
      >
        <QueryView query={courses}>
          {(list) => <CoursesTable courses={list} caption={t("measures.courses.local")} />}
        </QueryView>
      </WorkforceSection>
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
