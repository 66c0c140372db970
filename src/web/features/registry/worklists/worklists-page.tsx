import { Button, Group, Select, SimpleGrid, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFilePlus, IconPlus, IconSignature, IconUserCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useSignPlan, useWorklists } from "../../../app/data/registry.ts";
import type { WorklistItem } from "../../../app/data/registry-types.ts";
import { useSite } from "../../../app/data/structure.ts";
import { useDescribeError } from "../../../app/errors.ts";
import { Page, QueryView } from "../../../app/page.tsx";
import type { SiteDetail } from "../../../app/types.ts";
import { notifySaved } from "../../../app/ui/notify.ts";
import { useFormatDate } from "../dates.ts";
import { FastEntryModal } from "../interventions/fast-entry-modal.tsx";
import { PlanCreateModal } from "../plans/plan-create-modal.tsx";
import { SiteRegistryNav } from "../site-registry-nav.tsx";
import { CaseManagerModal } from "./case-manager-modal.tsx";
import { WorklistCard } from "./worklist-card.tsx";

/**
 * A site's worklists: open enrolments without a case manager, without a plan, whose early window
 * closes (or closed) below the threshold, and whose plan is not signed. Each row has the action
 * that takes the patient off the list; once done the lists are fetched again.
 */
export function WorklistsPage() {
  const siteId = Number(useParams().id);
  const site = useSite(siteId);
  return <QueryView query={site}>{(s) => <WorklistsView site={s} />}</QueryView>;
}

function WorklistsView({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const describe = useDescribeError();
  const [programme, setProgramme] = useState<string | null>(null);
  const lists = useWorklists(site.id, programme ? Number(programme) : undefined);
  const sign = useSignPlan();
  const [recording, setRecording] = useState<WorklistItem | null>(null);
  const [planning, setPlanning] = useState<WorklistItem | null>(null);
  const [managing, setManaging] = useState<WorklistItem | null>(null);
  const siteRef = { id: site.id, code: site.code };
  const patientOf = (i: WorklistItem) => ({ id: i.patientId, code: i.patientCode });

  const signPlan = (i: WorklistItem) =>
    sign.mutate(i.planId!, {
      onSuccess: () => notifySaved(t("registry.plan.signedDone", { code: i.planCode })),
      onError: (err) =>
        notifications.show({ color: "red", title: t("errors.title"), message: describe(err) }),
    });

  return (
    <Page
      title={t("registry.worklists.title", { site: site.code })}
      subtitle={site.name}
      crumbs={[{ label: site.code, to: `/sites/${site.id}` }, { label: t("registry.nav.worklists") }]}
    >
      <SiteRegistryNav siteId={site.id} />
      <Group align="flex-end" justify="space-between">
        <Select
          label={t("registry.worklists.programme")}
          placeholder={t("registry.worklists.allProgrammes")}
          clearable
          data={site.programmes.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
          value={programme}
          onChange={setProgramme}
          w={360}
          clearButtonProps={{
            "aria-label": t("common.clearNamed", { name: t("registry.worklists.programme") }),
          }}
        />
        {lists.data && (
          <Text size="sm" c="dimmed">
            {t("registry.worklists.asOf", { date: date(lists.data.asOf) })}
          </Text>
        )}
      </Group>
      <QueryView query={lists}>
        {(w) => (
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            <WorklistCard
              id="worklist-shortfall"
              title={t("registry.worklists.shortfall")}
              hint={t("registry.worklists.shortfallHint")}
              list={w.earlyWindowShortfall}
              extraHead={t("registry.worklists.window")}
              extra={(i) =>
                t("registry.worklists.windowValue", {
                  date: date(i.windowEnd),
                  count: i.psychosocial ?? 0,
                  threshold: i.threshold ?? 0,
                })
              }
              action={(i) => (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconPlus size={14} aria-hidden="true" />}
                  onClick={() => setRecording(i)}
                  aria-label={t("registry.worklists.recordFor", { code: i.patientCode })}
                >
                  {t("registry.worklists.record")}
                </Button>
              )}
            />
            <WorklistCard
              id="worklist-unsigned"
              title={t("registry.worklists.unsigned")}
              hint={t("registry.worklists.unsignedHint")}
              list={w.planNotSigned}
              extraHead={t("registry.worklists.plan")}
              extra={(i) => `${i.planCode} · ${date(i.planCreatedDate)}`}
              action={(i) => (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconSignature size={14} aria-hidden="true" />}
                  loading={sign.isPending && sign.variables === i.planId}
                  onClick={() => signPlan(i)}
                  aria-label={t("registry.plan.signNamed", { code: i.planCode })}
                >
                  {t("registry.plan.sign")}
                </Button>
              )}
            />
            <WorklistCard
              id="worklist-no-plan"
              title={t("registry.worklists.withoutPlan")}
              hint={t("registry.worklists.withoutPlanHint")}
              list={w.withoutPlan}
              action={(i) => (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconFilePlus size={14} aria-hidden="true" />}
                  onClick={() => setPlanning(i)}
                  aria-label={t("registry.worklists.planFor", { code: i.patientCode })}
                >
                  {t("registry.plan.new")}
                </Button>
              )}
            />
            <WorklistCard
              id="worklist-no-manager"
              title={t("registry.worklists.withoutCaseManager")}
              hint={t("registry.worklists.withoutCaseManagerHint")}
              list={w.withoutCaseManager}
              action={(i) => (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconUserCheck size={14} aria-hidden="true" />}
                  onClick={() => setManaging(i)}
                  aria-label={t("registry.worklists.caseManagerFor", { code: i.patientCode })}
                >
                  {t("registry.worklists.setCaseManager")}
                </Button>
              )}
            />
          </SimpleGrid>
        )}
      </QueryView>
      {recording && (
        <FastEntryModal patient={patientOf(recording)} site={siteRef} onClose={() => setRecording(null)} />
      )}
      {planning && (
        <PlanCreateModal patient={patientOf(planning)} site={siteRef} onClose={() => setPlanning(null)} />
      )}
      {managing && (
        <CaseManagerModal
          enrolment={{
            id: managing.enrolmentId,
            code: managing.enrolmentCode,
            patientCode: managing.patientCode,
          }}
          siteId={site.id}
          onClose={() => setManaging(null)}
        />
      )}
    </Page>
  );
}
