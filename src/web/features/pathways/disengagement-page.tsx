import { Button, Group, SimpleGrid, Table, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPhoneCall } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import {
  type DisengagementList,
  NO_CONTACT_DEFAULT_DAYS,
  NO_CONTACT_MAX_DAYS,
} from "../../../shared/pathways.ts";
import { useSite } from "../../app/data/structure.ts";
import { Page, QueryView } from "../../app/page.tsx";
import type { SiteDetail } from "../../app/types.ts";
import { CountTableCard } from "../../app/ui/count-table-card.tsx";
import { NumberField } from "../../app/ui/number-field.tsx";
import { PatientLink } from "../../app/ui/patient-link.tsx";
import { useDisengagement } from "./api.ts";
import { CheckInModal } from "./check-in-modal.tsx";
import { SiteQuadrantsCard } from "./site-quadrants-card.tsx";
import type { DisengagementItem } from "./types.ts";

const SHOWN = 15;

/**
 * A site's disengagement worklists — no contact for N days, missed last contact — each row with
 * the check-in that takes the patient off until their next event; and the site's patients by
 * quadrant.
 */
export function DisengagementPage() {
  const siteId = Number(useParams().id);
  const site = useSite(siteId);
  return <QueryView query={site}>{(s) => <DisengagementView site={s} />}</QueryView>;
}

function DisengagementView({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<number | string>(NO_CONTACT_DEFAULT_DAYS);
  const valid =
    typeof typed === "number" && Number.isInteger(typed) && typed >= 1 && typed <= NO_CONTACT_MAX_DAYS;
  const [days] = useDebouncedValue(valid ? typed : NO_CONTACT_DEFAULT_DAYS, 300);
  const lists = useDisengagement(site.id, days);
  const [checking, setChecking] = useState<{ item: DisengagementItem; list: DisengagementList } | null>(null);
  return (
    <Page
      title={t("pathways.disengagement.title", { site: site.code })}
      subtitle={site.name}
      crumbs={[{ label: site.code, to: `/sites/${site.id}` }, { label: t("pathways.disengagement.nav") }]}
    >
      <Text size="sm" c="dimmed">
        {t("pathways.disengagement.hint")}
      </Text>
      <Group align="flex-end" justify="space-between">
        <NumberField
          label={t("pathways.disengagement.days")}
          min={1}
          max={NO_CONTACT_MAX_DAYS}
          allowDecimal={false}
          value={typed}
          onChange={setTyped}
          w={280}
        />
        {lists.data && (
          <Text size="sm" c="dimmed">
            {t("pathways.disengagement.asOf", { date: lists.data.asOf })}
          </Text>
        )}
      </Group>
      <QueryView query={lists}>
        {(d) => (
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            <ListCard
              id="disengagement-no-contact"
              title={t("pathways.disengagement.noContact", { days: d.days })}
              hint={t("pathways.disengagement.noContactHint", { days: d.days })}
              list={d.noContact}
              onCheckIn={(item) => setChecking({ item, list: "noContact" })}
            />
            <ListCard
              id="disengagement-missed"
              title={t("pathways.disengagement.missed")}
              hint={t("pathways.disengagement.missedHint")}
              list={d.missedLastContact}
              onCheckIn={(item) => setChecking({ item, list: "missedLastContact" })}
            />
          </SimpleGrid>
        )}
      </QueryView>
      <SiteQuadrantsCard siteId={site.id} />
      {checking && (
        <CheckInModal
          patient={{ id: checking.item.patientId, code: checking.item.patientCode }}
          siteId={site.id}
          list={checking.list}
          onClose={() => setChecking(null)}
        />
      )}
    </Page>
  );
}

function ListCard({
  id,
  title,
  hint,
  list,
  onCheckIn,
}: {
  id: string;
  title: string;
  hint: string;
  list: { total: number; items: DisengagementItem[] };
  onCheckIn: (item: DisengagementItem) => void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const items = all ? list.items : list.items.slice(0, SHOWN);
  return (
    <CountTableCard
      id={id}
      title={title}
      hint={hint}
      total={list.total}
      countLabel={t("pathways.disengagement.countLabel", { count: list.total })}
      head={[
        t("pathways.disengagement.patient"),
        t("pathways.disengagement.lastContact"),
        t("pathways.disengagement.lastMissed"),
        t("pathways.disengagement.daysWithout"),
        t("pathways.disengagement.lastCheckIn"),
        t("common.actions"),
      ]}
      rowCount={items.length}
      empty={t("pathways.disengagement.empty")}
      footer={
        list.items.length > SHOWN &&
        !all && (
          <Button variant="subtle" size="xs" onClick={() => setAll(true)} style={{ alignSelf: "flex-start" }}>
            {t("pathways.disengagement.showAll", { count: list.items.length })}
          </Button>
        )
      }
    >
      {items.map((i) => (
        <Table.Tr key={i.patientId} data-patient={i.patientCode}>
          <Table.Td>
            <PatientLink id={i.patientId} code={i.patientCode} />
            <Text size="xs" c="dimmed">
              {i.enrolmentCodes.join(", ")}
            </Text>
          </Table.Td>
          <Table.Td>{i.lastContactDate ?? t("pathways.disengagement.never")}</Table.Td>
          <Table.Td>{i.lastMissedDate ?? "—"}</Table.Td>
          <Table.Td>{i.daysWithoutContact}</Table.Td>
          <Table.Td>
            {i.lastCheckIn
              ? `${i.lastCheckIn.date} · ${t(`pathways.checkIn.outcome.${i.lastCheckIn.outcome}`)}`
              : "—"}
          </Table.Td>
          <Table.Td>
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconPhoneCall size={14} aria-hidden="true" />}
              onClick={() => onCheckIn(i)}
              aria-label={t("pathways.disengagement.checkInFor", { code: i.patientCode })}
            >
              {t("pathways.disengagement.checkIn")}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </CountTableCard>
  );
}
