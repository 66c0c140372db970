import { Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../app/date-field.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { todayIso } from "../../app/today.ts";
import { lastTwelveMonths } from "../report/public.ts";
import { fhirExportProblem, fhirExportUrl } from "./fhir-export.ts";

/**
 * The FHIR R4 export (docs/fhir.md) of a programme the user may export, for a period: a zip of
 * NDJSON files, one per resource type, downloaded by the browser. The period is checked here as
 * the server checks it (both days, the last not before the first) so the link is only offered
 * when the server will answer with the file.
 */
export function FhirExportSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const programmes = me.programmes.filter((p) => p.canEdit);
  const initial = lastTwelveMonths(todayIso());
  const [programmeId, setProgrammeId] = useState<string | null>(
    programmes.length === 1 ? String(programmes[0]!.id) : null,
  );
  const [from, setFrom] = useState<string | null>(initial.from);
  const [to, setTo] = useState<string | null>(initial.to);
  if (programmes.length === 0) return null;
  const programme = programmes.find((p) => String(p.id) === programmeId) ?? null;
  const problem = fhirExportProblem(programme?.id ?? null, from, to);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fhir-export-title">
      <Stack>
        <div>
          <Title order={2} size="h4" id="fhir-export-title">
            {t("imports.fhirTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("imports.fhirHint")}
          </Text>
        </div>
        <Group align="flex-start" gap="md">
          <Select
            label={t("imports.fhirProgramme")}
            data={programmes.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
            value={programmeId}
            onChange={setProgrammeId}
            allowDeselect={false}
            w={280}
          />
          <DateField label={t("imports.fhirFrom")} value={from} onChange={setFrom} w={170} />
          <DateField
            label={t("imports.fhirTo")}
            value={to}
            onChange={setTo}
            w={170}
            error={problem === "endBeforeStart" ? t("imports.fhirEndBeforeStart") : undefined}
          />
        </Group>
        <Group gap="sm">
          {programme && from && to && problem === null ? (
            <Button
              component="a"
              href={fhirExportUrl(programme.id, from, to)}
              download={`${programme.code}-fhir.zip`}
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden="true" />}
            >
              {t("imports.fhirDownload", { code: programme.code })}
            </Button>
          ) : (
            <Button variant="light" disabled leftSection={<IconDownload size={16} aria-hidden="true" />}>
              {t("imports.fhirDownload", { code: programme?.code ?? "" })}
            </Button>
          )}
          {problem !== null && problem !== "endBeforeStart" && (
            <Text size="sm" c="dimmed">
              {t(`imports.fhirNeeds.${problem}`)}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
