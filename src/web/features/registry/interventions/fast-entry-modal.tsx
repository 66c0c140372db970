import { Button, Checkbox, Group, Kbd, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck } from "@tabler/icons-react";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useInterventionDefaults, useRecordIntervention } from "../../../app/data/registry.ts";
import type {
  Intervention,
  InterventionDefaults,
  Recipient,
  Setting,
} from "../../../app/data/registry-types.ts";
import { useProfessionals } from "../../../app/data/teams.ts";
import { useFormErrors } from "../../../app/form-errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { QueryView } from "../../../app/page.tsx";
import type { Professional } from "../../../app/types.ts";
import { AppModal } from "../../../app/ui/app-modal.tsx";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { sentNumber } from "../../../app/ui/read-number.ts";
import { SegmentedField } from "../../../app/ui/segmented-field.tsx";
import { useRecordMissedAppointment } from "../../pathways/public.ts";
import { useFormatDate } from "../dates.ts";
import { DurationField, ModuleSelect, ProfessionalSelect } from "./intervention-fields.tsx";
import { useInterventionOptions } from "./intervention-options.ts";
import { submitOnEnter } from "./submit-on-enter.ts";
import { TypeChooser } from "./type-chooser.tsx";

const FIELDS = new Set([
  "date",
  "type",
  "setting",
  "recipient",
  "professionalCode",
  "professionalProfile",
  "durationMin",
  "module",
]);
const isShown = (p: string) => FIELDS.has(p);

interface Props {
  patient: { id: number; code: string };
  site: { id: number; code: string };
  onClose: () => void;
}

/**
 * The fast entry form: one intervention in a few keystrokes. It starts from the server's defaults
 * (today, my professional, the type I recorded last), Enter records, and it stays open with the
 * same values for the next one; what was recorded is listed below.
 */
export function FastEntryModal({ patient, site, onClose }: Props) {
  const { t } = useTranslation();
  const defaults = useInterventionDefaults(site.id);
  const professionals = useProfessionals(site.id);
  return (
    <AppModal onClose={onClose} size="xl" title={t("registry.fast.title", { code: patient.code })}>
      <QueryView query={defaults}>
        {(d) => (
          <FastEntryForm
            patient={patient}
            site={site}
            defaults={d}
            professionals={professionals.data}
            onClose={onClose}
          />
        )}
      </QueryView>
    </AppModal>
  );
}

function FastEntryForm({
  patient,
  site,
  defaults,
  professionals,
  onClose,
}: Props & { defaults: InterventionDefaults; professionals: Professional[] | undefined }) {
  const { t } = useTranslation();
  const record = useRecordIntervention();
  const recordMissed = useRecordMissedAppointment();
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const form = useRef<HTMLFormElement>(null);
  const date = useFormatDate();
  const options = useInterventionOptions(defaults, professionals);
  const [day, setDay] = useState<string | null>(defaults.date);
  const [type, setType] = useState<string | null>(defaults.type);
  const [setting, setSetting] = useState<Setting>(defaults.setting);
  const [recipient, setRecipient] = useState<Recipient>(defaults.recipient);
  const [professional, setProfessional] = useState<string | null>(defaults.professionalCode);
  const [duration, setDuration] = useState<number | string>(defaults.durationMin ?? "");
  const [module, setModule] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<Intervention[]>([]);
  // "Did not attend": a missed appointment (pathways), never an intervention
  const [missed, setMissed] = useState(false);
  const saving = record.isPending || recordMissed.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    clear();
    if (missed) {
      recordMissed.mutate(
        {
          patientId: patient.id,
          siteId: site.id,
          date: day ?? "",
          type: type ?? "",
          professionalCode: professional,
          professionalProfile: options.profileOf(professional),
        },
        {
          onSuccess: () => {
            notifications.show({ color: "green", message: t("pathways.dna.saved", { code: patient.code }) });
            setMissed(false);
          },
          onError: fail,
        },
      );
      return;
    }
    record.mutate(
      {
        patientId: patient.id,
        siteId: site.id,
        date: day ?? "",
        // No type chosen goes as "" so that the server names the field.
        type: type ?? "",
        setting,
        recipient,
        professionalCode: professional,
        professionalProfile: options.profileOf(professional),
        durationMin: sentNumber(duration),
        module,
      },
      {
        onSuccess: (created) => {
          setRecorded((r) => [created, ...r]);
          form.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
        },
        onError: fail,
      },
    );
  };

  return (
    <form ref={form} onSubmit={submit} onKeyDown={submitOnEnter} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("registry.fast.hint", { site: site.code })}
        </Text>
        <FormError message={errors.general} />
        <TypeChooser
          label={t("registry.intervention.type")}
          value={type}
          onChange={setType}
          options={options.types}
          captions={{ psychosocial: t("registry.fast.psychosocial"), other: t("registry.fast.otherCare") }}
          error={field("type")}
          required
          autoFocus
        />
        <Checkbox
          label={t("pathways.dna.label")}
          description={t("pathways.dna.hint")}
          checked={missed}
          onChange={(e) => setMissed(e.currentTarget.checked)}
        />
        {!missed && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SegmentedField
              label={t("registry.intervention.setting")}
              value={setting}
              onChange={setSetting}
              data={options.settings}
              error={field("setting")}
              fullWidth
            />
            <SegmentedField
              label={t("registry.intervention.recipient")}
              value={recipient}
              onChange={setRecipient}
              data={options.recipients}
              error={field("recipient")}
              fullWidth
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <ModalDateField
            label={t("registry.intervention.date")}
            required
            clearable={false}
            value={day}
            onChange={setDay}
            error={field("date")}
          />
          <ProfessionalSelect
            label={t("registry.intervention.professional")}
            data={options.professionals}
            value={professional}
            onChange={setProfessional}
            error={field("professionalCode") ?? field("professionalProfile")}
          />
          {!missed && (
            <DurationField
              label={t("registry.intervention.duration")}
              value={duration}
              onChange={setDuration}
              error={field("durationMin")}
            />
          )}
          {!missed && (
            <ModuleSelect
              label={t("registry.intervention.module")}
              data={options.modules}
              value={module}
              onChange={setModule}
              error={field("module")}
            />
          )}
        </SimpleGrid>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> {t("registry.fast.enterRecords")} · <Kbd size="xs">Esc</Kbd>{" "}
            {t("registry.fast.escCloses")}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("registry.fast.done")}
            </Button>
            <Button type="submit" loading={saving}>
              {missed ? t("pathways.dna.record") : t("registry.fast.record")}
            </Button>
          </Group>
        </Group>
        <div aria-live="polite">
          {recorded.length > 0 && (
            <>
              <Text size="sm" fw={600} mb={4}>
                {t("registry.fast.recorded", { count: recorded.length })}
              </Text>
              <List
                size="sm"
                spacing={2}
                icon={<IconCheck size={14} color="var(--mantine-color-teal-8)" aria-hidden="true" />}
              >
                {recorded.slice(0, 8).map((i) => (
                  <List.Item key={i.id}>
                    {date(i.date)} — {options.typeLabel(i.type)} · {t(`registry.setting.${i.setting}`)} ·{" "}
                    {t(`registry.recipient.${i.recipient}`)}
                    {i.module ? ` · ${i.module}` : ""}{" "}
                    <Text span size="xs" c="dimmed" ff="monospace">
                      {i.code}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </div>
      </Stack>
    </form>
  );
}
