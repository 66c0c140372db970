import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useInterventionDefaults, useRecordSession } from "../../../app/data/registry.ts";
import type { GroupDetail, GroupSessionCreated } from "../../../app/data/registry-types.ts";
import { useProfessionals } from "../../../app/data/teams.ts";
import { useFormErrors } from "../../../app/form-errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { DataTable } from "../../../app/table.tsx";
import { todayIso } from "../../../app/today.ts";
import { AppModal } from "../../../app/ui/app-modal.tsx";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { sentNumber } from "../../../app/ui/read-number.ts";
import { DurationField, ModuleSelect, ProfessionalSelect } from "../interventions/intervention-fields.tsx";
import { moduleOptions, useProfessionalOptions } from "../interventions/intervention-options.ts";
import { useTypeLabel } from "../labels.ts";
import { PRACTICE_OF_KIND } from "./group-kinds.ts";

const isShown = (p: string) =>
  ["date", "module", "durationMin", "professionalCode", "attendees"].includes(p) ||
  /^attendees\.\d+$/.test(p);

/**
 * Run a session of a group: its date, module and facilitator, and the attendance as a checklist
 * of the members. The server records one group intervention per attending patient; they are
 * listed once saved.
 */
export function GroupSessionModal({ group, onClose }: { group: GroupDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<GroupSessionCreated | null>(null);
  return (
    <AppModal onClose={onClose} size="lg" title={t("registry.session.title", { name: group.name })}>
      {created ? (
        <SessionResult group={group} created={created} onAnother={() => setCreated(null)} onClose={onClose} />
      ) : (
        <SessionForm group={group} onCreated={setCreated} onClose={onClose} />
      )}
    </AppModal>
  );
}

function SessionForm({
  group,
  onCreated,
  onClose,
}: {
  group: GroupDetail;
  onCreated: (c: GroupSessionCreated) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordSession(group.id);
  const defaults = useInterventionDefaults(group.siteId);
  const professionals = useProfessionals(group.siteId);
  const professionalOptions = useProfessionalOptions(professionals.data);
  const labels = useMemo(
    () => ({
      date: t("registry.session.date"),
      module: t("registry.intervention.module"),
      professionalCode: t("registry.session.facilitator"),
      durationMin: t("registry.intervention.duration"),
      attendees: t("registry.session.attendance"),
    }),
    [t],
  );
  const { errors, fail, clear, field } = useFormErrors(isShown, { labels });
  const today = todayIso();
  const [date, setDate] = useState<string | null>(
    group.endDate && group.endDate < today ? group.endDate : today,
  );
  const practice = PRACTICE_OF_KIND[group.kind];
  const modules = (defaults.data?.modules ?? []).filter((m) => !practice || m.practiceCode === practice);
  const [module, setModule] = useState<string | null>(null);
  const [duration, setDuration] = useState<number | string>(90);
  const [professional, setProfessional] = useState<string | null>(group.facilitators[0] ?? null);
  const onDate = group.members.filter(
    (m) => !date || (m.joinedDate <= date && (m.leftDate === null || m.leftDate >= date)),
  );
  const [attendees, setAttendees] = useState<string[]>(onDate.map((m) => String(m.patientId)));
  const [sent, setSent] = useState<number[]>([]);
  const attendeeError = (patientId: number) => {
    const i = sent.indexOf(patientId);
    return i >= 0 ? field(`attendees.${i}`) : undefined;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    const ids = onDate.map((m) => m.patientId).filter((id) => attendees.includes(String(id)));
    setSent(ids);
    record.mutate(
      {
        date: date ?? "",
        module,
        durationMin: sentNumber(duration),
        professionalCode: professional,
        attendees: ids,
      },
      { onSuccess: onCreated, onError: fail },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={errors.general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ModalDateField
            label={t("registry.session.date")}
            required
            clearable={false}
            value={date}
            onChange={setDate}
            error={field("date")}
          />
          <ModuleSelect
            label={t("registry.intervention.module")}
            data={moduleOptions(modules)}
            value={module}
            onChange={setModule}
            error={field("module")}
            data-autofocus
            // focused when the form opens, but its list opens only when asked: a list popping open over
            // the form hides the fields below it (and its options are not keyboard-scrollable until used)
            openOnFocus={false}
          />
          <ProfessionalSelect
            label={t("registry.session.facilitator")}
            data={professionalOptions}
            value={professional}
            onChange={setProfessional}
            error={field("professionalCode")}
          />
          <DurationField
            label={t("registry.intervention.duration")}
            value={duration}
            onChange={setDuration}
            error={field("durationMin")}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t("registry.session.attendance")}
          description={t("registry.session.attendanceHint", {
            count: attendees.length,
            total: onDate.length,
          })}
          value={attendees}
          onChange={setAttendees}
          error={field("attendees")}
        >
          <Group gap="xs" mt={6} mb={4}>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => setAttendees(onDate.map((m) => String(m.patientId)))}
            >
              {t("registry.session.all")}
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => setAttendees([])}>
              {t("registry.session.none")}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs">
            {onDate.map((m) => (
              <Checkbox
                key={m.patientId}
                value={String(m.patientId)}
                label={
                  <Text ff="monospace" size="sm">
                    {m.patientCode}
                  </Text>
                }
                error={attendeeError(m.patientId)}
              />
            ))}
          </SimpleGrid>
          {onDate.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("registry.session.noMembersOnDate")}
            </Text>
          )}
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t("registry.session.record")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SessionResult({
  group,
  created,
  onAnother,
  onClose,
}: {
  group: GroupDetail;
  created: GroupSessionCreated;
  onAnother: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const defaults = useInterventionDefaults(group.siteId);
  const typeLabel = useTypeLabel(defaults.data?.types);
  const codeOf = new Map(group.members.map((m) => [m.patientId, m.patientCode]));
  return (
    <Stack>
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden="true" />} role="status">
        {t("registry.session.recorded", { count: created.interventions.length, date: created.date })}
      </Alert>
      <DataTable
        caption={t("registry.session.created")}
        minWidth={0}
        head={[
          t("registry.patient.code"),
          t("registry.intervention.type"),
          t("registry.intervention.recipient"),
          t("registry.intervention.code"),
        ]}
        rowCount={created.interventions.length}
        empty="—"
      >
        {created.interventions.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td ff="monospace">{codeOf.get(i.patientId) ?? i.patientId}</Table.Td>
            <Table.Td>{typeLabel(i.type)}</Table.Td>
            <Table.Td>{t(`registry.recipient.${i.recipient}`)}</Table.Td>
            <Table.Td ff="monospace">{i.code}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Group justify="flex-end">
        <Button variant="default" onClick={onAnother}>
          {t("registry.session.another")}
        </Button>
        <Button onClick={onClose} data-autofocus>
          {t("registry.session.done")}
        </Button>
      </Group>
    </Stack>
  );
}
