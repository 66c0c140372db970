import {
  Checkbox,
  Input,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanFlag } from "../../../../server/indicators/definition.ts";
import { PLAN_FLAGS, RECIPIENTS, RESPONDENTS, SETTINGS, TIMEPOINTS } from "../../../../shared/vocabulary.ts";
import { ChoicesField } from "../../../app/ui/choices-field.tsx";
import { EditorFieldset } from "./editor-fieldset.tsx";
import { type SectionProps, toNumber } from "./fields.ts";
import type { EditorForm, RecordKind } from "./form-state.ts";

/**
 * What the numerator (or, for counts of records and medians, the measure) counts: which records,
 * filtered how, in which window relative to the enrolment, and how many of them are needed.
 */
export function RecordsFields({
  form,
  set,
  error,
  types,
  earlyWindowDays,
  intensiveThreshold,
}: SectionProps & {
  types: Array<{ value: string; label: string }>;
  earlyWindowDays: number;
  intensiveThreshold: number;
}) {
  const { t } = useTranslation();
  const measure = form.kind === "median" || (form.kind === "count" && form.countOf === "records");
  const kinds: RecordKind[] = ["interventions", "assessments", "plans"];
  return (
    <EditorFieldset legend={measure ? t("dashboard.editor.measure") : t("dashboard.editor.numerator")}>
      <Stack gap="sm">
        <Input.Wrapper
          label={t("dashboard.editor.recordKind")}
          error={error("recordKind")}
          id="record-kind-field"
          labelElement="div"
        >
          <div>
            <SegmentedControl
              aria-labelledby="record-kind-field-label"
              value={form.recordKind}
              onChange={(v) => set("recordKind", v as RecordKind)}
              data={kinds.map((k) => ({ value: k, label: t(`dashboard.editor.recordKinds.${k}`) }))}
            />
          </div>
        </Input.Wrapper>

        {form.recordKind === "interventions" && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ChoicesField
              label={t("dashboard.editor.types")}
              placeholder={t("dashboard.editor.typesPlaceholder")}
              data={types}
              value={form.types}
              onChange={(v) => set("types", v)}
              searchable
              error={error("types")}
            />
            <Select
              label={t("dashboard.editor.psychosocial")}
              value={form.psychosocial}
              onChange={(v) => v && set("psychosocial", v as EditorForm["psychosocial"])}
              allowDeselect={false}
              data={(["any", "yes", "no"] as const).map((k) => ({
                value: k,
                label: t(`dashboard.editor.psychosocialOptions.${k}`),
              }))}
              error={error("psychosocial")}
            />
            <ChoicesField
              label={t("dashboard.editor.recipients")}
              placeholder={t("dashboard.editor.recipientsPlaceholder")}
              data={RECIPIENTS.map((k) => ({ value: k, label: t(`dashboard.editor.recipientOptions.${k}`) }))}
              value={form.recipients}
              onChange={(v) => set("recipients", v as EditorForm["recipients"])}
              error={error("recipients")}
            />
            <ChoicesField
              label={t("dashboard.editor.settings")}
              placeholder={t("dashboard.editor.settingsPlaceholder")}
              data={SETTINGS.map((k) => ({ value: k, label: t(`dashboard.editor.settingOptions.${k}`) }))}
              value={form.settings}
              onChange={(v) => set("settings", v as EditorForm["settings"])}
              error={error("settings")}
            />
          </SimpleGrid>
        )}

        {form.recordKind === "assessments" && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TagsInput
              label={t("dashboard.editor.instruments")}
              placeholder={form.instruments.length ? undefined : t("dashboard.editor.instrumentsPlaceholder")}
              value={form.instruments}
              onChange={(v) => set("instruments", v)}
              clearable
              clearButtonProps={{
                "aria-label": t("common.clearNamed", { name: t("dashboard.editor.instruments") }),
              }}
              error={error("instruments")}
            />
            <ChoicesField
              label={t("dashboard.editor.respondents")}
              placeholder={t("dashboard.editor.respondentsPlaceholder")}
              data={RESPONDENTS.map((k) => ({
                value: k,
                label: t(`dashboard.editor.respondentOptions.${k}`),
              }))}
              value={form.respondents}
              onChange={(v) => set("respondents", v as EditorForm["respondents"])}
              error={error("respondents")}
            />
            <ChoicesField
              label={t("dashboard.editor.timepoints")}
              placeholder={t("dashboard.editor.timepointsPlaceholder")}
              data={TIMEPOINTS.map((k) => ({ value: k, label: t(`dashboard.editor.timepointOptions.${k}`) }))}
              value={form.timepoints}
              onChange={(v) => set("timepoints", v as EditorForm["timepoints"])}
              error={error("timepoints")}
            />
          </SimpleGrid>
        )}

        {form.recordKind === "plans" && (
          <Checkbox.Group
            label={t("dashboard.editor.planFlags")}
            value={form.planFlags}
            onChange={(v) => set("planFlags", v as PlanFlag[])}
            error={error("planFlags")}
          >
            <Stack gap={6} mt={6}>
              {PLAN_FLAGS.map((k) => (
                <Checkbox key={k} value={k} label={t(`dashboard.editor.planFlagOptions.${k}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}

        <SimpleGrid cols={{ base: 1, sm: 2, md: form.windowPreset === "custom" ? 4 : 2 }}>
          <Select
            label={t("dashboard.editor.windowPreset")}
            description={t("dashboard.editor.window")}
            value={form.windowPreset}
            onChange={(v) => v && set("windowPreset", v as EditorForm["windowPreset"])}
            allowDeselect={false}
            data={(["early", "care", "custom"] as const).map((k) => ({
              value: k,
              label: t(`dashboard.editor.windowPresets.${k}`, { days: earlyWindowDays }),
            }))}
          />
          {form.windowPreset === "custom" && (
            <>
              <NumberInput
                label={t("dashboard.editor.fromDay")}
                allowDecimal={false}
                value={form.fromDay}
                onChange={(v) => set("fromDay", toNumber(v))}
                error={error("fromDay")}
              />
              <NumberInput
                label={t("dashboard.editor.toDay")}
                placeholder={t("dashboard.editor.toDayPlaceholder")}
                allowDecimal={false}
                value={form.toDay}
                onChange={(v) => set("toDay", toNumber(v))}
                error={error("toDay")}
              />
              <Select
                label={t("dashboard.editor.until")}
                value={form.until}
                onChange={(v) => v && set("until", v as EditorForm["until"])}
                allowDeselect={false}
                data={(["care_end", "as_of"] as const).map((k) => ({
                  value: k,
                  label: t(`dashboard.editor.untilOptions.${k}`),
                }))}
                error={error("until")}
              />
            </>
          )}
        </SimpleGrid>

        {!measure && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("dashboard.editor.threshold")}
              value={form.threshold}
              onChange={(v) => v && set("threshold", v as EditorForm["threshold"])}
              allowDeselect={false}
              data={(["number", "intensive"] as const).map((k) => ({
                value: k,
                label: t(`dashboard.editor.thresholdOptions.${k}`, { value: intensiveThreshold }),
              }))}
              error={form.threshold === "intensive" ? error("atLeast") : undefined}
            />
            {form.threshold === "number" && (
              <NumberInput
                label={t("dashboard.editor.thresholdCount")}
                min={0}
                allowDecimal={false}
                value={form.atLeast}
                onChange={(v) => set("atLeast", toNumber(v))}
                error={error("atLeast")}
              />
            )}
          </SimpleGrid>
        )}
      </Stack>
    </EditorFieldset>
  );
}
