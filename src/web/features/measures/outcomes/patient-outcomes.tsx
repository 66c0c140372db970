import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../app/page.tsx";
import { usePatientOutcomes } from "../api.ts";
import { InstrumentOutcomeCard } from "./instrument-outcome-card.tsx";

/** Every instrument the patient was assessed with (recorded here or imported), over time. */
export function PatientOutcomes({ patientId }: { patientId: number }) {
  const { t } = useTranslation();
  const outcomes = usePatientOutcomes(patientId);
  return (
    <QueryView query={outcomes}>
      {(o) =>
        o.instruments.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("measures.outcomes.noneYet")}
          </Text>
        ) : (
          <Stack gap="md">
            {o.instruments.map((i) => (
              <InstrumentOutcomeCard key={i.instrument} outcome={i} />
            ))}
          </Stack>
        )
      }
    </QueryView>
  );
}
