import { MultiSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../app/form-modal.tsx";
import { todayIso } from "../../../app/today.ts";
import type { Professional } from "../../../app/types.ts";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../../app/ui/modal-save.ts";
import { NumberField } from "../../../app/ui/number-field.tsx";
import { sentNumber } from "../../../app/ui/read-number.ts";
import { SegmentedField } from "../../../app/ui/segmented-field.tsx";
import { useRecordSupervision } from "../api.ts";

const FIELDS = new Set(["date", "supervisor", "format", "durationMin", "professionalIds"]);
const isShown = (p: string) => FIELDS.has(p);
type Format = "individual" | "group";

/** Record a supervision session at a site: who supervised whom, how and for how long. */
export function SupervisionModal({
  siteId,
  professionals,
  onClose,
}: {
  siteId: number;
  professionals: Professional[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useMemo(
    () => ({
      date: t("measures.workforce.date"),
      supervisor: t("measures.workforce.supervisor"),
      format: t("measures.workforce.format"),
      durationMin: t("measures.workforce.duration"),
      professionalIds: t("measures.workforce.supervised"),
    }),
    [t],
  );
  const form = useModalSave(useRecordSupervision(siteId), {
    isShown,
    onClose,
    saved: () => t("measures.workforce.supervisionSaved"),
    labels,
  });
  const [date, setDate] = useState<string | null>(todayIso());
  const [supervisor, setSupervisor] = useState("");
  const [format, setFormat] = useState<Format | null>(null);
  const [duration, setDuration] = useState<number | string>(60);
  const [ids, setIds] = useState<string[]>([]);

  const submit = () => {
    form.save({
      date: date ?? "",
      supervisor,
      format: (format ?? "") as Format,
      durationMin: sentNumber(duration),
      professionalIds: ids.map(Number),
    });
  };

  return (
    <FormModal {...form.frame} title={t("measures.workforce.newSupervision")} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ModalDateField
          label={t("measures.workforce.date")}
          required
          value={date}
          onChange={setDate}
          error={form.field("date")}
        />
        <NumberField
          label={t("measures.workforce.duration")}
          value={duration}
          onChange={setDuration}
          min={1}
          max={600}
          allowDecimal={false}
          error={form.field("durationMin")}
        />
      </SimpleGrid>
      <TextInput
        label={t("measures.workforce.supervisor")}
        required
        value={supervisor}
        onChange={(e) => setSupervisor(e.currentTarget.value)}
        error={form.field("supervisor")}
        data-autofocus
      />
      <SegmentedField
        label={t("measures.workforce.format")}
        required
        value={format}
        onChange={setFormat}
        data={(["individual", "group"] as const).map((v) => ({
          value: v,
          label: t(`measures.workforce.formats.${v}`),
        }))}
        error={form.field("format")}
      />
      <MultiSelect
        label={t("measures.workforce.supervised")}
        required
        searchable
        data={professionals.map((p) => ({
          value: String(p.id),
          label: `${p.code} · ${t(`profiles.${p.profile}`)}`,
        }))}
        value={ids}
        onChange={setIds}
        error={form.field("professionalIds")}
      />
    </FormModal>
  );
}
