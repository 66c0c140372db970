import { Fieldset, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateField } from "../../app/date-field.tsx";
import { PHASES, type ProgrammeFormValues } from "./form-values.ts";

/** The three phases, each with its dates; a phase without a start date is left out. */
export function PhasesFields({
  value,
  onChange,
  error,
}: {
  value: ProgrammeFormValues["phases"];
  onChange: (v: ProgrammeFormValues["phases"]) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("programmes.phasesHint")}
      </Text>
      {error("phases") && (
        <Text size="sm" c="red.9" role="alert">
          {error("phases")}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {PHASES.map((phase) => (
          <Fieldset key={phase} legend={t(`phases.${phase}`)} variant="filled">
            <Stack gap="xs">
              <DateField
                label={t("programmes.startDate")}
                value={value[phase].startDate}
                onChange={(d) => onChange({ ...value, [phase]: { ...value[phase], startDate: d } })}
                error={error(`phases.${phase}.startDate`) ?? error(`phases.${phase}`)}
                name={`phase-${phase}-start`}
              />
              <DateField
                label={t("programmes.endDate")}
                description={t("programmes.endDateHint")}
                value={value[phase].endDate}
                onChange={(d) => onChange({ ...value, [phase]: { ...value[phase], endDate: d } })}
                error={error(`phases.${phase}.endDate`)}
                name={`phase-${phase}-end`}
              />
            </Stack>
          </Fieldset>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
