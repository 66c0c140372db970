import { Button, Table } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageQuery } from "../../app/guards.tsx";
import { Page } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { PatientLink } from "../../app/ui/patient-link.tsx";
import type { Messages } from "../../i18n/en.ts";
import { useFormatDate } from "../registry/public.ts";
import { type SiteDataQualityRecords, useSiteDataQuality } from "./api.ts";
import { HomeSection } from "./home-section.tsx";

/** One site's records to complete, each with a link to the patient page where it is completed. */
export function SiteDataQualityPage() {
  const siteId = Number(useParams().id);
  const records = useSiteDataQuality(siteId);
  return <PageQuery query={records}>{(r) => <SiteRecords records={r} />}</PageQuery>;
}

function FixLink({ patientId, code }: { patientId: number; code: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={`/patients/${patientId}`}
      size="compact-sm"
      variant="subtle"
      leftSection={<IconPencil size={14} aria-hidden="true" />}
      aria-label={t("home.quality.fixNamed", { code })}
    >
      {t("home.quality.fix")}
    </Button>
  );
}

function List({
  id,
  title,
  total,
  head,
  rows,
}: {
  id: string;
  title: string;
  total: number;
  head: string[];
  rows: ReactNode[];
}) {
  const { t } = useTranslation();
  return (
    <HomeSection id={id} title={`${title} (${total})`}>
      <DataTable
        caption={title}
        minWidth={560}
        head={head}
        rowCount={rows.length}
        empty={t("home.quality.noneOf")}
      >
        {rows}
      </DataTable>
    </HomeSection>
  );
}

function SiteRecords({ records }: { records: SiteDataQualityRecords }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const { site } = records;
  const q = (k: keyof Messages["home"]["quality"]) => t(`home.quality.${k}`);
  return (
    <Page
      title={t("home.quality.siteTitle", { site: site.code })}
      subtitle={t("home.quality.siteSubtitle")}
      crumbs={[
        { label: t("home.quality.pageTitle"), to: "/data-quality" },
        { label: site.code, to: `/sites/${site.id}` },
      ]}
    >
      <List
        id="quality-enrolments"
        title={q("enrolmentsWithoutDiagnosis")}
        total={records.enrolmentsWithoutDiagnosis.total}
        head={[q("patient"), q("enrolment"), q("programme"), q("enrolmentDate"), t("common.actions")]}
        rows={records.enrolmentsWithoutDiagnosis.items.map((e) => (
          <Table.Tr key={e.enrolmentId}>
            <Table.Td>
              <PatientLink id={e.patientId} code={e.patientCode} />
            </Table.Td>
            <Table.Td>{e.enrolmentCode}</Table.Td>
            <Table.Td>{e.programmeCode}</Table.Td>
            <Table.Td>{date(e.enrolmentDate)}</Table.Td>
            <Table.Td>
              <FixLink patientId={e.patientId} code={e.enrolmentCode} />
            </Table.Td>
          </Table.Tr>
        ))}
      />
      <List
        id="quality-patients"
        title={q("patientsWithoutFirstContact")}
        total={records.patientsWithoutFirstContact.total}
        head={[q("patient"), q("birthYear"), t("common.actions")]}
        rows={records.patientsWithoutFirstContact.items.map((p) => (
          <Table.Tr key={p.patientId}>
            <Table.Td>
              <PatientLink id={p.patientId} code={p.patientCode} />
            </Table.Td>
            <Table.Td>{p.birthYear}</Table.Td>
            <Table.Td>
              <FixLink patientId={p.patientId} code={p.patientCode} />
            </Table.Td>
          </Table.Tr>
        ))}
      />
      <List
        id="quality-plans"
        title={q("plansWithoutSharedDate")}
        total={records.plansWithoutSharedDate.total}
        head={[q("patient"), q("plan"), q("created"), t("common.actions")]}
        rows={records.plansWithoutSharedDate.items.map((p) => (
          <Table.Tr key={p.planId}>
            <Table.Td>
              <PatientLink id={p.patientId} code={p.patientCode} />
            </Table.Td>
            <Table.Td>{p.planCode}</Table.Td>
            <Table.Td>{date(p.createdDate)}</Table.Td>
            <Table.Td>
              <FixLink patientId={p.patientId} code={p.planCode} />
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </Page>
  );
}
