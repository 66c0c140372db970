import { Checkbox, NumberInput, Select, SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ChoicesField } from "../../../app/ui/choices-field.tsx";
import { EditorFieldset } from "./editor-fieldset.tsx";
import { type SectionProps, toNumber } from "./fields.ts";
import type { EditorForm } from "./form-state.ts";

const SEXES = ["F", "M", "X", "U"] as const;

/** Which enrolments are counted: how long observed, and optional filters on the patient. */
export function PopulationFields({ form, set, error }: SectionProps) {
  const { t } = useTranslation();
  return (
    <EditorFieldset legend={t("dashboard.editor.population")}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("dashboard.editor.observed")}
            value={form.observed}
            onChange={(v) => v && set("observed", v as EditorForm["observed"])}
            allowDeselect={false}
            data={(["all", "early", "days"] as const).map((k) => ({
              value: k,
              label: t(`dashboard.editor.observedOptions.${k}`),
            }))}
            error={form.observed === "days" ? undefined : error("observed")}
          />
          {form.observed === "days" && (
            <NumberInput
              label={t("dashboard.editor.observedDays")}
              min={0}
              allowDecimal={false}
              value={form.observedDays}
              onChange={(v) => set("observedDays", toNumber(v))}
              error={error("observed")}
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <ChoicesField
            label={t("dashboard.editor.sex")}
            placeholder={t("dashboard.editor.sexPlaceholder")}
            data={SEXES.map((s) => ({ value: s, label: t(`dashboard.chart.sex.${s}`) }))}
            value={form.sex}
            onChange={(v) => set("sex", v)}
            error={error("sex")}
          />
          <NumberInput
            label={t("dashboard.editor.ageMin")}
            min={0}
            max={120}
            allowDecimal={false}
            value={form.ageMin}
            onChange={(v) => set("ageMin", toNumber(v))}
            error={error("age")}
          />
          <NumberInput
            label={t("dashboard.editor.ageMax")}
            min={0}
            max={120}
            allowDecimal={false}
            value={form.ageMax}
            onChange={(v) => set("ageMax", toNumber(v))}
          />
        </SimpleGrid>
        <Checkbox
          label={t("dashboard.editor.targetDiagnoses")}
          checked={form.targetDiagnoses}
          onChange={(e) => set("targetDiagnoses", e.currentTarget.checked)}
          error={error("targetDiagnoses")}
        />
      </Stack>
    </EditorFieldset>
  );
}
