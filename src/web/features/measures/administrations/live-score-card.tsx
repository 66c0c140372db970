import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BandLadder } from "../instruments/band-ladder.tsx";
import { useInstrumentText } from "../instruments/instrument-text.ts";
import type { InstrumentDetail, ScoreResult } from "../types.ts";
import { ScoreSummary } from "./score-summary.tsx";

/**
 * The score as the form stands, computed by the server at every answer (announced politely to
 * screen readers), with the save button beside it.
 */
export function LiveScoreCard({
  instrument,
  result,
  scoring,
  saving,
}: {
  instrument: InstrumentDetail;
  result: ScoreResult | null;
  scoring: boolean;
  saving: boolean;
}) {
  const { t } = useTranslation();
  const text = useInstrumentText();
  return (
    <Paper withBorder p="md" pos="sticky" top={76} component="section" aria-labelledby="live-score-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="live-score-title">
          {t("measures.score.title", { instrument: instrument.code })}
        </Title>
        <div aria-live="polite" aria-busy={scoring} data-testid="live-score">
          {result ? (
            <ScoreSummary
              result={result}
              range={instrument.total ? { min: instrument.total.min, max: instrument.total.max } : null}
              bandLevels={instrument.bands.length}
              higherIsBetter={instrument.higherIsBetter}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t("measures.score.waiting")}
            </Text>
          )}
        </div>
        <BandLadder instrument={instrument} current={result?.band ?? null} />
        {instrument.reliableChange && (
          <Text size="xs" c="dimmed">
            {t("measures.score.reliableChange", {
              points: instrument.reliableChange.points,
              source: text(instrument.reliableChange.source),
            })}
          </Text>
        )}
        <Button type="submit" loading={saving} fullWidth>
          {t("measures.form.save")}
        </Button>
        <Text size="xs" c="dimmed">
          {t("measures.form.versionNote", { version: instrument.version })}
        </Text>
      </Stack>
    </Paper>
  );
}
