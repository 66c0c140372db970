import { Badge, Button, Table, Text } from "@mantine/core";
import { IconArrowForwardUp } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { PatientSection, type PatientSectionProps, RecordButton } from "../../app/ui/patient-section.tsx";
import { useReferrals } from "./api.ts";
import { DecisionModal } from "./decision-modal.tsx";
import { ReferralModal } from "./referral-modal.tsx";
import type { Referral } from "./types.ts";

const COLOR = { pending: "orange", accepted: "teal", declined: "red" } as const;

/** On the patient's page: referrals between services, their decisions and waiting days. */
export function ReferralsSection({ patient, site }: PatientSectionProps) {
  const { t } = useTranslation();
  const referrals = useReferrals(patient.id);
  const [open, setOpen] = useState(false);
  const [deciding, setDeciding] = useState<Referral | null>(null);
  return (
    <PatientSection
      id="referrals-title"
      title={t("pathways.referrals.title")}
      hint={t("pathways.referrals.hint")}
      action={
        site && (
          <RecordButton icon={IconArrowForwardUp} onClick={() => setOpen(true)}>
            {t("pathways.referrals.record")}
          </RecordButton>
        )
      }
    >
      <QueryView query={referrals}>
        {(list) => (
          <DataTable
            caption={t("pathways.referrals.title")}
            head={[
              t("pathways.referrals.fields.referralDate"),
              t("pathways.referrals.fields.fromServiceId"),
              t("pathways.referrals.fields.toServiceId"),
              t("pathways.referrals.fields.reason"),
              t("pathways.referrals.fields.decision"),
              t("pathways.referrals.fields.firstContactDate"),
              t("pathways.referrals.fields.waiting"),
              t("common.actions"),
            ]}
            rowCount={list.length}
            empty={t("pathways.referrals.none")}
            minWidth={860}
          >
            {list.map((r) => (
              <Table.Tr key={r.id} data-referral={r.toService.code}>
                <Table.Td>{r.referralDate}</Table.Td>
                <Table.Td>{r.fromService ? r.fromService.code : r.siteCode}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.toService.code}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.toService.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {r.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={COLOR[r.decision]}>
                    {t(`pathways.referrals.decision.${r.decision}`)}
                  </Badge>
                  {r.decisionDate && (
                    <Text size="xs" c="dimmed">
                      {r.decisionDate}
                      {r.declineReason
                        ? ` · ${t(`pathways.referrals.declineReason.${r.declineReason}`)}`
                        : ""}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.firstContactDate ?? "—"}</Table.Td>
                <Table.Td data-waiting>
                  {t("pathways.referrals.waitingDays", { count: r.waitingDays })}
                </Table.Td>
                <Table.Td>
                  {site && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setDeciding(r)}
                      aria-label={t("pathways.referrals.decideFor", { service: r.toService.code })}
                    >
                      {t("pathways.referrals.decide")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      {open && site && <ReferralModal patient={patient} site={site} onClose={() => setOpen(false)} />}
      {deciding && <DecisionModal patient={patient} referral={deciding} onClose={() => setDeciding(null)} />}
    </PatientSection>
  );
}
