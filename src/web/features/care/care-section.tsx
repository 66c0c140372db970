import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconLifebuoy, IconPencil, IconPlus, IconShieldCheck } from "@tabler/icons-react";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSites } from "../../app/data/structure.ts";
import { QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { RecordButton } from "../../app/ui/patient-section.tsx";
import { usePatientCare } from "./api.ts";
import { CarePlanModal } from "./care-plan-modal.tsx";
import { ConsentModal } from "./consent-modal.tsx";
import { CrisisPlanModal } from "./crisis-plan-modal.tsx";
import { CarePlanView, CrisisPlanView } from "./plan-views.tsx";
import type { Consent, PatientCare } from "./types.ts";
import { WithdrawModal } from "./withdraw-modal.tsx";

/**
 * On the patient's page: consent to share information (history kept), the care plans' goals and
 * actions, the crisis plan. Clinicians and site coordinators of the patient's sites change them;
 * everyone else who sees the patient reads them.
 */
export function CareSection({ patient }: { patient: { id: number; code: string } }) {
  const { t } = useTranslation();
  const care = usePatientCare(patient.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="care-title">
      <Stack>
        <div>
          <Title order={2} size="h4" id="care-title">
            {t("care.sectionTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("care.hint")}
          </Text>
        </div>
        <QueryView query={care}>
          {(c) => <CareView patient={patient} care={c} reload={() => void care.refetch()} />}
        </QueryView>
      </Stack>
    </Paper>
  );
}

function CareView({
  patient,
  care,
  reload,
}: {
  patient: { id: number; code: string };
  care: PatientCare;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const sites = useSites();
  const siteCodes = useMemo(() => new Map((sites.data ?? []).map((s) => [s.id, s.code])), [sites.data]);
  const [consenting, setConsenting] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [editingPlan, setEditingPlan] = useState<number | null>(null);
  const [crisis, setCrisis] = useState(false);
  const plan = care.carePlans.find((p) => p.planId === editingPlan);
  const writablePlan = (siteId: number) => care.writableSiteIds.includes(siteId);

  return (
    <Stack gap="lg">
      {!care.canWrite && (
        <Alert color="gray" variant="light">
          <Text size="sm">{t("care.readOnly")}</Text>
        </Alert>
      )}
      <CarePart
        id="consents-title"
        title={t("care.consents.title")}
        action={
          care.canWrite && (
            <RecordButton icon={IconShieldCheck} onClick={() => setConsenting(true)}>
              {t("care.consents.record")}
            </RecordButton>
          )
        }
      >
        <DataTable
          caption={t("care.consents.title")}
          head={[
            t("care.consents.fields.serviceId"),
            t("care.consents.fields.scope"),
            t("care.consents.fields.givenDate"),
            t("care.consents.fields.status"),
            t("care.consents.fields.withdrawnDate"),
            t("care.consents.fields.reason"),
            t("common.actions"),
          ]}
          rowCount={care.consents.length}
          empty={t("care.consents.none")}
          minWidth={760}
        >
          {care.consents.map((c) => (
            <Table.Tr key={c.id} data-consent={c.service.code}>
              <Table.Td>{c.service.name}</Table.Td>
              <Table.Td>{t(`care.scope.${c.scope}`)}</Table.Td>
              <Table.Td>{c.givenDate}</Table.Td>
              <Table.Td>
                <Badge color={c.current ? "teal" : "gray"} c="dark.7" variant="light" tt="none">
                  {c.current ? t("care.consents.current") : t("care.consents.withdrawnBadge")}
                </Badge>
              </Table.Td>
              <Table.Td>{c.withdrawnDate ?? "—"}</Table.Td>
              <Table.Td>{c.withdrawalReason ?? "—"}</Table.Td>
              <Table.Td>
                {care.canWrite && c.current && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    aria-label={t("care.consents.withdrawNamed", { service: c.service.name })}
                    onClick={() => setWithdrawing(c)}
                  >
                    {t("care.consents.withdraw")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </CarePart>

      <CarePart id="care-plans-title" title={t("care.carePlan.title")}>
        {care.carePlans.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("care.carePlan.none")}
          </Text>
        )}
        {care.carePlans.map((p) => (
          <Paper key={p.planId} withBorder p="sm">
            <Stack gap="xs">
              <CarePlanView plan={p} />
              {writablePlan(p.siteId) && (
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPencil size={14} aria-hidden="true" />}
                    aria-label={t("care.carePlan.editNamed", { code: p.planCode })}
                    onClick={() => setEditingPlan(p.planId)}
                  >
                    {t("care.carePlan.edit")}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        ))}
      </CarePart>

      <CarePart
        id="crisis-title"
        title={t("care.crisis.title")}
        action={
          care.canWrite && (
            <RecordButton icon={care.crisisPlan ? IconPencil : IconPlus} onClick={() => setCrisis(true)}>
              {care.crisisPlan ? t("care.crisis.edit") : t("care.crisis.write")}
            </RecordButton>
          )
        }
      >
        {care.crisisPlan ? (
          <CrisisPlanView plan={care.crisisPlan} />
        ) : (
          <Text size="sm" c="dimmed">
            <IconLifebuoy size={14} aria-hidden="true" /> {t("care.crisis.none")}
          </Text>
        )}
      </CarePart>

      {consenting && (
        <ConsentModal
          patient={patient}
          care={care}
          siteCodes={siteCodes}
          onClose={() => setConsenting(false)}
        />
      )}
      {withdrawing && (
        <WithdrawModal patientId={patient.id} consent={withdrawing} onClose={() => setWithdrawing(null)} />
      )}
      {plan && (
        <CarePlanModal
          patientId={patient.id}
          plan={plan}
          care={care}
          onClose={() => setEditingPlan(null)}
          onReload={reload}
        />
      )}
      {crisis && (
        <CrisisPlanModal
          patient={patient}
          care={care}
          siteCodes={siteCodes}
          onClose={() => setCrisis(false)}
          onReload={reload}
        />
      )}
    </Stack>
  );
}

/** One part of the care section under its own heading (`id` is the heading's), with its button on the right. */
function CarePart({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Group justify="space-between">
        <Title order={3} size="h5" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}
