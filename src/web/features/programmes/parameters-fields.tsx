import { Group, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AddButton, RemoveButton } from "../../app/ui/list-buttons.tsx";
import { NumberField } from "../../app/ui/number-field.tsx";
import type { ProgrammeFormValues } from "./form-values.ts";

type Parameters = ProgrammeFormValues["parameters"];

/** The programme parameters of the indicator catalogue (INDICATORS.md), with their defaults. */
export function ParametersFields({
  value,
  onChange,
  error,
  errorTree,
}: {
  value: Parameters;
  onChange: (v: Parameters) => void;
  error: (path: string) => string | undefined;
  errorTree: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof Parameters>(key: K, v: Parameters[K]) => onChange({ ...value, [key]: v });
  const bands = value.breakdownAgeBands;
  const setBand = (i: number, patch: Partial<Parameters["breakdownAgeBands"][number]>) =>
    set(
      "breakdownAgeBands",
      bands.map((b, j) => (j === i ? { ...b, ...patch } : b)),
    );

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <NumberField
          label={t("parameters.targetEnrolmentPerSite")}
          description={t("parameters.targetEnrolmentPerSiteHint")}
          min={0}
          allowDecimal={false}
          value={value.targetEnrolmentPerSite}
          onChange={(v) => set("targetEnrolmentPerSite", v)}
          error={error("parameters.targetEnrolmentPerSite")}
        />
        <NumberField
          label={t("parameters.ageMin")}
          description={t("parameters.ageBandHint")}
          required
          min={0}
          max={120}
          allowDecimal={false}
          value={value.ageMin}
          onChange={(v) => set("ageMin", v)}
          error={error("parameters.ageMin")}
        />
        <NumberField
          label={t("parameters.ageMax")}
          description={t("parameters.ageBandHint")}
          required
          min={0}
          max={120}
          allowDecimal={false}
          value={value.ageMax}
          onChange={(v) => set("ageMax", v)}
          error={error("parameters.ageMax")}
        />
        <TagsInput
          label={t("parameters.targetDiagnoses")}
          description={t("parameters.targetDiagnosesHint")}
          value={value.targetDiagnoses}
          onChange={(v) => set("targetDiagnoses", v)}
          error={errorTree("parameters.targetDiagnoses")}
          splitChars={[",", " "]}
        />
        <NumberField
          label={t("parameters.intensiveThreshold")}
          description={t("parameters.intensiveThresholdHint")}
          min={1}
          allowDecimal={false}
          value={value.intensiveThreshold}
          onChange={(v) => set("intensiveThreshold", v)}
          error={error("parameters.intensiveThreshold")}
        />
        <NumberField
          label={t("parameters.earlyWindowDays")}
          description={t("parameters.earlyWindowDaysHint")}
          min={1}
          allowDecimal={false}
          value={value.earlyWindowDays}
          onChange={(v) => set("earlyWindowDays", v)}
          error={error("parameters.earlyWindowDays")}
        />
        <NumberField
          label={t("parameters.newToServiceDays")}
          description={t("parameters.newToServiceDaysHint")}
          min={1}
          allowDecimal={false}
          value={value.newToServiceDays}
          onChange={(v) => set("newToServiceDays", v)}
          error={error("parameters.newToServiceDays")}
        />
      </SimpleGrid>

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t("parameters.breakdownAgeBands")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("parameters.breakdownAgeBandsHint")}
        </Text>
        {error("parameters.breakdownAgeBands") && (
          <Text size="sm" c="red.9" role="alert">
            {error("parameters.breakdownAgeBands")}
          </Text>
        )}
        {bands.map((b, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: bands have no identity but their position
          <Group key={i} align="flex-start" gap="sm">
            <TextInput
              label={t("parameters.bandLabel")}
              w={140}
              value={b.label}
              onChange={(e) => setBand(i, { label: e.currentTarget.value })}
              error={error(`parameters.breakdownAgeBands.${i}.label`)}
            />
            <NumberField
              label={t("parameters.bandFrom")}
              w={120}
              min={0}
              max={120}
              allowDecimal={false}
              value={b.min}
              onChange={(v) => setBand(i, { min: v })}
              error={error(`parameters.breakdownAgeBands.${i}.min`)}
            />
            <NumberField
              label={t("parameters.bandTo")}
              w={120}
              min={0}
              max={120}
              allowDecimal={false}
              value={b.max}
              onChange={(v) => setBand(i, { max: v })}
              error={error(`parameters.breakdownAgeBands.${i}.max`)}
            />
            <RemoveButton
              mt={25}
              aria-label={t("parameters.removeBand", { label: b.label || i + 1 })}
              onClick={() =>
                set(
                  "breakdownAgeBands",
                  bands.filter((_, j) => j !== i),
                )
              }
            >
              {t("common.remove")}
            </RemoveButton>
          </Group>
        ))}
        <Group>
          <AddButton onClick={() => set("breakdownAgeBands", [...bands, { label: "", min: "", max: "" }])}>
            {t("parameters.addBand")}
          </AddButton>
        </Group>
      </Stack>
    </Stack>
  );
}
