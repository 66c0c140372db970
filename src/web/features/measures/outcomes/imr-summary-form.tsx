import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../../app/data/structure.ts";
import { DateField } from "../../../app/date-field.tsx";
import { useFormErrors, useRevealFirstError } from "../../../app/form-errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { QueryView } from "../../../app/page.tsx";
import { notifySaved } from "../../../app/ui/notify.ts";
import { NumberField } from "../../../app/ui/number-field.tsx";
import { sentNumber } from "../../../app/ui/read-number.ts";
import { SegmentedField } from "../../../app/ui/segmented-field.tsx";
import { useImrSummary, useSaveImrSummary } from "../api.ts";
import { useFormatDate } from "../labels.ts";
import type { ImrSummary } from "../types.ts";

const FIELDS = new Set([
  "startDate",
  "stopDate",
  "serviceId",
  "format",
  "manualVersion",
  "sessions",
  "modules",
]);
const isShown = (p: string) => FIELDS.has(p) || p.startsWith("modules.");
const MODULES = [
  "IMR-1",
  "IMR-2",
  "IMR-3",
  "IMR-4",
  "IMR-5",
  "IMR-6",
  "IMR-7",
  "IMR-8",
  "IMR-9",
  "IMR-10",
  "IMR-11",
] as const;
type Format = NonNullable<ImrSummary["summary"]["format"]>;

/** The IMR summary form of a patient at a site: what the registry tells, completed by the provider. */
export function ImrSummaryForm({ patientId, siteId }: { patientId: number; siteId: number }) {
  const summary = useImrSummary(patientId, siteId);
  return (
    <QueryView query={summary}>
      {(s) => <SummaryFields key={s.saved?.version ?? 0} patientId={patientId} summary={s} />}
    </QueryView>
  );
}

function SummaryFields({ patientId, summary }: { patientId: number; summary: ImrSummary }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const services = useServices(summary.siteId);
  const save = useSaveImrSummary(patientId);
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const form = useRef<HTMLFormElement>(null);
  useRevealFirstError(form, errors);
  const s = summary.summary;
  const d = summary.derived;
  const [startDate, setStart] = useState(s.startDate);
  const [stopDate, setStop] = useState(s.stopDate);
  const [serviceId, setService] = useState<string | null>(s.serviceId === null ? null : String(s.serviceId));
  const [format, setFormat] = useState<Format | null>(s.format);
  const [manualVersion, setManual] = useState(s.manualVersion ?? "");
  const [sessions, setSessions] = useState<number | string>(s.sessions ?? "");
  const [modules, setModules] = useState<string[]>(s.modules);

  const fromRegistry = (value: string | number | null) =>
    value === null || value === ""
      ? t("measures.imrSummary.notInRegistry")
      : t("measures.imrSummary.fromRegistry", { value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    save.mutate(
      {
        siteId: summary.siteId,
        ...(startDate ? { startDate } : {}),
        stopDate,
        serviceId: serviceId === null ? null : Number(serviceId),
        ...(format ? { format } : {}),
        manualVersion: manualVersion.trim() || null,
        ...(sessions === "" ? {} : { sessions: sentNumber(sessions) as number }),
        modules,
      },
      {
        onSuccess: () => notifySaved(t("measures.imrSummary.saved")),
        onError: fail,
      },
    );
  };

  return (
    <form ref={form} onSubmit={submit} noValidate aria-label={t("measures.imrSummary.title")}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("measures.imrSummary.hint")}
        </Text>
        <FormError message={errors.general} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <DateField
            label={t("measures.imrSummary.startDate")}
            description={fromRegistry(d.startDate && date(d.startDate))}
            value={startDate}
            onChange={setStart}
            error={field("startDate")}
          />
          <DateField
            label={t("measures.imrSummary.stopDate")}
            description={fromRegistry(d.stopDate && date(d.stopDate))}
            value={stopDate}
            onChange={setStop}
            error={field("stopDate")}
          />
          <Select
            label={t("measures.imrSummary.service")}
            description={t("measures.imrSummary.serviceHint")}
            data={(services.data ?? []).map((x) => ({ value: String(x.id), label: `${x.code} — ${x.name}` }))}
            value={serviceId}
            onChange={setService}
            clearable
            error={field("serviceId")}
          />
          <NumberField
            label={t("measures.imrSummary.sessions")}
            description={fromRegistry(d.sessions)}
            value={sessions}
            onChange={setSessions}
            allowDecimal={false}
            error={field("sessions")}
          />
          <TextInput
            label={t("measures.imrSummary.manualVersion")}
            description={t("measures.imrSummary.manualHint")}
            value={manualVersion}
            onChange={(e) => setManual(e.currentTarget.value)}
            error={field("manualVersion")}
          />
          <SegmentedField
            label={t("measures.imrSummary.format")}
            value={format}
            onChange={setFormat}
            data={(["individual", "group", "mixed"] as const).map((v) => ({
              value: v,
              label: t(`measures.imrSummary.formats.${v}`),
            }))}
            error={field("format")}
          />
        </SimpleGrid>
        <MultiSelect
          label={t("measures.imrSummary.modules")}
          description={fromRegistry(d.modules.join(", "))}
          data={MODULES.map((m) => ({
            value: m,
            label: `${m} · ${t(`measures.imrSummary.moduleNames.${m}`)}`,
          }))}
          value={modules}
          onChange={setModules}
          error={field("modules")}
          clearable
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {summary.saved
              ? t("measures.imrSummary.savedVersion", { version: summary.saved.version })
              : t("measures.imrSummary.neverSaved")}
          </Text>
          <Button type="submit" loading={save.isPending}>
            {t("measures.imrSummary.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
