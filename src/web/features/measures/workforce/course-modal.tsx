import { SimpleGrid, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../app/form-modal.tsx";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../../app/ui/modal-save.ts";
import { NumberField } from "../../../app/ui/number-field.tsx";
import { sentNumber } from "../../../app/ui/read-number.ts";
import { SegmentedField } from "../../../app/ui/segmented-field.tsx";
import { useCreateCourse } from "../api.ts";
import type { Course } from "../types.ts";

const FIELDS = new Set([
  "code",
  "title",
  "topic",
  "hours",
  "mode",
  "startDate",
  "endDate",
  "programmeId",
  "siteId",
]);
const isShown = (p: string) => FIELDS.has(p);
type Mode = Course["mode"];

/** A new training course of a programme, or a site's local course. */
export function CourseModal({
  programmeId,
  siteId,
  onClose,
}: {
  programmeId: number | null;
  siteId: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useMemo(
    () => ({
      code: t("common.code"),
      title: t("measures.courses.title"),
      topic: t("measures.courses.topic"),
      hours: t("measures.courses.hours"),
      mode: t("measures.courses.mode"),
      startDate: t("measures.courses.start"),
      endDate: t("measures.courses.end"),
    }),
    [t],
  );
  const form = useModalSave(useCreateCourse(), {
    isShown,
    labels,
    onClose,
    saved: (course) => t("measures.courses.created", { code: course.code }),
  });
  const [code, setCode] = useState("");
  const [title, setTitle] = useState("");
  const [topic, setTopic] = useState("");
  const [hours, setHours] = useState<number | string>("");
  const [mode, setMode] = useState<Mode | null>(null);
  const [startDate, setStart] = useState<string | null>(null);
  const [endDate, setEnd] = useState<string | null>(null);

  const submit = () =>
    form.save({
      code: code.trim(),
      programmeId,
      siteId,
      title,
      topic,
      hours: sentNumber(hours) as number,
      mode: (mode ?? "") as Mode,
      startDate: startDate ?? "",
      endDate: endDate ?? startDate ?? "",
    });

  return (
    <FormModal {...form.frame} title={t("measures.courses.new")} onSubmit={submit} size="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("common.code")}
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={form.field("code")}
          data-autofocus
        />
        <TextInput
          label={t("measures.courses.title")}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={form.field("title")}
        />
        <TextInput
          label={t("measures.courses.topic")}
          required
          value={topic}
          onChange={(e) => setTopic(e.currentTarget.value)}
          error={form.field("topic")}
        />
        <NumberField
          label={t("measures.courses.hours")}
          required
          value={hours}
          onChange={setHours}
          min={0}
          decimalScale={1}
          error={form.field("hours")}
        />
        <ModalDateField
          label={t("measures.courses.start")}
          required
          value={startDate}
          onChange={setStart}
          error={form.field("startDate")}
        />
        <ModalDateField
          label={t("measures.courses.end")}
          value={endDate}
          onChange={setEnd}
          error={form.field("endDate")}
        />
      </SimpleGrid>
      <SegmentedField
        label={t("measures.courses.mode")}
        required
        value={mode}
        onChange={setMode}
        data={(["in_person", "online", "blended"] as const).map((m) => ({
          value: m,
          label: t(`measures.courses.modes.${m}`),
        }))}
        error={form.field("mode")}
      />
    </FormModal>
  );
}
