import { Button, Group, Paper, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { usePatientDetails, usePatients } from "../../../app/data/registry.ts";
import type { Patient } from "../../../app/data/registry-types.ts";
import { useSite } from "../../../app/data/structure.ts";
import { ErrorAlert, Loading, Page, QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import { todayIso } from "../../../app/today.ts";
import type { SiteDetail } from "../../../app/types.ts";
import { PatientLink } from "../../../app/ui/patient-link.tsx";
import { EnrolModal } from "../enrolments/enrol-modal.tsx";
import { SiteRegistryNav } from "../site-registry-nav.tsx";
import { PatientCreateModal } from "./patient-create-modal.tsx";
import { PatientEnrolmentBadges } from "./patient-enrolment-badges.tsx";
import { useSexOptions } from "./sex-label.ts";

const PAGE_SIZE = 20;

/** A site's patients: search by code, their enrolments, register a new one, enrol. */
export function SitePatientsPage() {
  const siteId = Number(useParams().id);
  const site = useSite(siteId);
  return <QueryView query={site}>{(s) => <SitePatientsView site={s} />}</QueryView>;
}

function SitePatientsView({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [enrolling, setEnrolling] = useState<Patient | null>(null);
  const patients = usePatients({ siteId: site.id, q: q || undefined, offset, limit: PAGE_SIZE });
  const items = patients.data?.items ?? [];
  const details = usePatientDetails(items.map((p) => p.id));
  const sexes = useSexOptions();
  const total = patients.data?.total ?? 0;
  const year = Number(todayIso().slice(0, 4));

  return (
    <Page
      title={t("registry.patients.title", { site: site.code })}
      subtitle={site.name}
      crumbs={[{ label: site.code, to: `/sites/${site.id}` }, { label: t("registry.nav.patients") }]}
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
          {t("registry.patients.new")}
        </Button>
      }
    >
      <SiteRegistryNav siteId={site.id} />
      <Paper withBorder p="md">
        <Stack>
          <TextInput
            label={t("registry.patients.search")}
            description={t("registry.patients.searchHint")}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setOffset(0);
            }}
            maw={360}
          />
          {patients.isPending ? (
            <Loading />
          ) : patients.error ? (
            <ErrorAlert error={patients.error} />
          ) : (
            <>
              <DataTable
                caption={t("registry.patients.caption", { site: site.code })}
                minWidth={760}
                head={[
                  t("registry.patient.code"),
                  t("registry.patient.age"),
                  t("registry.patient.sex"),
                  t("registry.patient.residenceArea"),
                  t("registry.patient.firstContact"),
                  t("registry.patients.enrolments"),
                  t("common.actions"),
                ]}
                rowCount={items.length}
                empty={q ? t("registry.patients.noMatch", { q }) : t("registry.patients.none")}
              >
                {items.map((p, i) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <PatientLink id={p.id} code={p.code} />
                    </Table.Td>
                    <Table.Td>{year - p.birthYear}</Table.Td>
                    <Table.Td>{sexes.find((s) => s.value === p.sex)?.label}</Table.Td>
                    <Table.Td>{p.residenceArea ?? "—"}</Table.Td>
                    <Table.Td>{p.firstContactDate ?? "—"}</Table.Td>
                    <Table.Td>
                      <PatientEnrolmentBadges detail={details[i]?.data} siteId={site.id} />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconUserPlus size={14} aria-hidden="true" />}
                        onClick={() => setEnrolling(p)}
                        aria-label={t("registry.patients.enrolNamed", { code: p.code })}
                      >
                        {t("registry.enrol.action")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
              <Group justify="space-between">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {total === 0
                    ? ""
                    : t("registry.patients.range", {
                        from: offset + 1,
                        to: offset + items.length,
                        total,
                      })}
                </Text>
                <Group gap="xs">
                  <Button
                    variant="default"
                    size="xs"
                    disabled={offset === 0}
                    onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                  >
                    {t("registry.patients.previous")}
                  </Button>
                  <Button
                    variant="default"
                    size="xs"
                    disabled={offset + PAGE_SIZE >= total}
                    onClick={() => setOffset(offset + PAGE_SIZE)}
                  >
                    {t("registry.patients.next")}
                  </Button>
                </Group>
              </Group>
            </>
          )}
        </Stack>
      </Paper>
      {creating && (
        <PatientCreateModal
          siteId={site.id}
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            setEnrolling(p);
          }}
        />
      )}
      {enrolling && (
        <EnrolModal
          patient={enrolling}
          siteId={site.id}
          onClose={() => setEnrolling(null)}
          onEnrolled={() => navigate(`/patients/${enrolling.id}`)}
        />
      )}
    </Page>
  );
}
