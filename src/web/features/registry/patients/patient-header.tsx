import { Group, Paper, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Timeline } from "../../../app/data/registry-types.ts";
import { Fact } from "../../../app/ui/fact.tsx";
import { useFormatDate } from "../dates.ts";
import { useSexOptions } from "./sex-label.ts";

/** Who the patient is, pseudonymously: age, sex, area, first contact, enrolments. */
export function PatientHeader({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const sexes = useSexOptions();
  const p = timeline.patient;
  const age = Number(timeline.asOf.slice(0, 4)) - p.birthYear;
  const open = timeline.enrolments.filter((e) => !e.endDate || e.endDate >= timeline.asOf).length;
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
        <Fact strong label={t("registry.patient.age")}>
          {t("registry.patient.ageValue", { age, year: p.birthYear })}
        </Fact>
        <Fact strong label={t("registry.patient.sex")}>
          {sexes.find((s) => s.value === p.sex)?.label}
        </Fact>
        <Fact strong label={t("registry.patient.residenceArea")}>
          {p.residenceArea ?? "—"}
        </Fact>
        <Fact strong label={t("registry.patient.firstContact")}>
          {date(p.firstContactDate)}
        </Fact>
        <Fact strong label={t("registry.patients.enrolments")}>
          <Group gap={4}>
            {t("registry.patient.enrolmentCount", { count: timeline.enrolments.length, open })}
          </Group>
        </Fact>
        <Fact strong label={t("registry.patient.plans")}>
          {timeline.plans.length}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
