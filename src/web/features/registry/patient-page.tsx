import { Alert, Button, Kbd, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { IconPlus, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useInterventionDefaults, useTimeline } from "../../app/data/registry.ts";
import type { Timeline } from "../../app/data/registry-types.ts";
import { useWorkingSite } from "../../app/data/working-site.ts";
import { PageQuery } from "../../app/guards.tsx";
import { Page } from "../../app/page.tsx";
import { PatientMeasuresSection } from "../measures/patient-measures-section.tsx";
import { DeclinedOffersSection } from "../offers/declined-offers-section.tsx";
import { CoordinatorSection } from "../pathways/coordinator-section.tsx";
import { QuadrantSection } from "../pathways/quadrant-section.tsx";
import { ReferralsSection } from "../pathways/referrals-section.tsx";
import { EarlyWindowCard } from "./early-window-card.tsx";
import { EnrolModal } from "./enrol-modal.tsx";
import { FastEntryModal } from "./fast-entry-modal.tsx";
import { PatientHeader } from "./patient-header.tsx";
import { PatientTimeline } from "./patient-timeline.tsx";
import { PlansSection } from "./plans-section.tsx";

/** One patient: who, the early window of each enrolment, plans, and the one timeline of care. */
export function PatientPage() {
  const id = Number(useParams().id);
  const timeline = useTimeline(id);
  return (
    <PageQuery query={timeline}>
      {(tl) => <PatientView timeline={tl} reload={async () => (await timeline.refetch()).data?.plans} />}
    </PageQuery>
  );
}

function PatientView({
  timeline,
  reload,
}: {
  timeline: Timeline;
  reload: () => Promise<Timeline["plans"] | undefined>;
}) {
  const { t } = useTranslation();
  const site = useWorkingSite(timeline);
  const defaults = useInterventionDefaults(site?.id ?? 0, site !== null);
  const types = site ? defaults.data?.types : undefined;
  const [fast, setFast] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const p = timeline.patient;
  // "n" records an intervention — not while another dialog is open (useHotkeys already ignores typing)
  useHotkeys(site ? [["n", () => !document.querySelector('[role="dialog"]') && setFast(true)]] : []);

  return (
    <Page
      title={t("registry.patient.title", { code: p.code })}
      crumbs={
        site
          ? [
              { label: site.code, to: `/sites/${site.id}` },
              { label: t("registry.nav.patients"), to: `/sites/${site.id}/patients` },
              { label: p.code },
            ]
          : undefined
      }
      actions={
        site && (
          <>
            <Button
              variant="default"
              leftSection={<IconUserPlus size={16} aria-hidden="true" />}
              onClick={() => setEnrolling(true)}
            >
              {t("registry.enrol.action")}
            </Button>
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              rightSection={
                <Kbd size="xs" aria-hidden="true">
                  N
                </Kbd>
              }
              aria-keyshortcuts="n"
              onClick={() => setFast(true)}
            >
              {t("registry.fast.open")}
            </Button>
          </>
        )
      }
    >
      <PatientHeader timeline={timeline} />
      <Stack gap="sm" component="section" aria-labelledby="early-title">
        <Title order={2} size="h4" id="early-title">
          {t("registry.early.title")}
        </Title>
        {timeline.enrolments.length === 0 ? (
          <Alert color="gray" variant="light">
            <Text size="sm">{t("registry.early.noEnrolment")}</Text>
          </Alert>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: timeline.enrolments.length > 1 ? 2 : 1 }}>
            {timeline.enrolments.map((e) => (
              <EarlyWindowCard key={e.id} enrolment={e} types={types} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <PlansSection patient={p} plans={timeline.plans} site={site} onReload={reload} />
      <CoordinatorSection patient={p} />
      <QuadrantSection patient={p} site={site} />
      <ReferralsSection patient={p} site={site} />
      <DeclinedOffersSection patient={p} site={site} />
      <PatientMeasuresSection patientId={p.id} site={site} />
      <PatientTimeline events={timeline.events} types={types} />
      {fast && site && <FastEntryModal patient={p} site={site} onClose={() => setFast(false)} />}
      {enrolling && site && <EnrolModal patient={p} siteId={site.id} onClose={() => setEnrolling(false)} />}
    </Page>
  );
}
