import { Button, Group, Paper, Tabs, Title } from "@mantine/core";
import { IconClipboardPlus } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { AdministrationsTable } from "./administrations/administrations-table.tsx";
import { ImrSummaryForm } from "./outcomes/imr-summary-form.tsx";
import { ImrsComparisonView } from "./outcomes/imrs-comparison-view.tsx";
import { PatientOutcomes } from "./outcomes/patient-outcomes.tsx";

/**
 * On the patient page: outcomes over time, client-versus-clinician IMRS, the administrations
 * recorded here and the IMR summary form — and the way to record a new measure. `site` is the
 * site the user records at (null: read only).
 */
export function PatientMeasuresSection({
  patient,
  site,
}: {
  patient: { id: number };
  site: { id: number; code: string } | null;
}) {
  const patientId = patient.id;
  const { t } = useTranslation();
  const { hash } = useLocation();
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    if (hash === "#measures") box.current?.scrollIntoView({ block: "start" });
  }, [hash]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="measures-title" id="measures" ref={box}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="measures-title">
          {t("measures.section.title")}
        </Title>
        {site && (
          <Button
            component={Link}
            to={`/patients/${patientId}/measures/new`}
            leftSection={<IconClipboardPlus size={16} aria-hidden="true" />}
            variant="light"
          >
            {t("measures.section.record")}
          </Button>
        )}
      </Group>
      <Tabs defaultValue="outcomes" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="outcomes">{t("measures.section.outcomes")}</Tabs.Tab>
          <Tabs.Tab value="imrs">{t("measures.section.imrs")}</Tabs.Tab>
          <Tabs.Tab value="administrations">{t("measures.section.administrations")}</Tabs.Tab>
          {site && <Tabs.Tab value="imr-summary">{t("measures.section.imrSummary")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="outcomes">
          <PatientOutcomes patientId={patientId} />
        </Tabs.Panel>
        <Tabs.Panel value="imrs">
          <ImrsComparisonView patientId={patientId} />
        </Tabs.Panel>
        <Tabs.Panel value="administrations">
          <AdministrationsTable patientId={patientId} />
        </Tabs.Panel>
        {site && (
          <Tabs.Panel value="imr-summary">
            <ImrSummaryForm patientId={patientId} siteId={site.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Paper>
  );
}
