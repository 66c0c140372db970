import { SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateField } from "../../../app/date-field.tsx";
import { todayIso } from "../../../app/today.ts";
import { NumberField } from "../../../app/ui/number-field.tsx";
import { SegmentedField } from "../../../app/ui/segmented-field.tsx";
import { useRespondentOptions, useTimepointOptions } from "../labels.ts";
import type { InstrumentDetail } from "../types.ts";
import type { AdministrationDraft, Entry } from "./administration-form-state.ts";

/** When, at which timepoint, by whom, and how the form is entered (item by item or the total). */
export function AdministrationFields({
  instrument,
  draft,
  set,
  field,
}: {
  instrument: InstrumentDetail;
  draft: AdministrationDraft;
  set: (patch: Partial<AdministrationDraft>) => void;
  field: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const timepoints = useTimepointOptions();
  const respondents = useRespondentOptions(instrument.respondents);
  const entries: Array<{ value: Entry; label: string }> = [
    { value: "items", label: t("measures.form.entryItems") },
    { value: "total", label: t("measures.form.entryTotal") },
  ];
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t("measures.form.date")}
          required
          value={draft.date}
          onChange={(date) => set({ date })}
          error={field("date")}
          maxDate={todayIso()}
        />
        <SegmentedField
          label={t("measures.form.respondent")}
          value={draft.respondent}
          onChange={(respondent) => set({ respondent })}
          data={respondents}
          error={field("respondent")}
        />
      </SimpleGrid>
      <SegmentedField
        label={t("measures.form.timepoint")}
        value={draft.timepoint}
        onChange={(timepoint) => set({ timepoint })}
        data={timepoints}
        error={field("timepoint")}
      />
      {instrument.total && (
        <SegmentedField
          label={t("measures.form.entry")}
          value={draft.entry}
          onChange={(entry) => set({ entry })}
          data={entries}
        />
      )}
      {draft.entry === "total" && instrument.total && (
        <NumberField
          label={t("measures.form.totalScore")}
          description={t("measures.form.totalHint", { min: instrument.total.min, max: instrument.total.max })}
          required
          value={draft.total}
          onChange={(total) => set({ total })}
          error={field("totalScore")}
          maw={220}
        />
      )}
    </Stack>
  );
}
