import { Alert, Group, List, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { BandBadge } from "../instruments/band-badge.tsx";
import { useInstrumentText } from "../instruments/instrument-text.ts";
import { useFormatNumber } from "../labels.ts";
import type { ScoreResult } from "../types.ts";

/**
 * What the scoring engine made of a form: the total (or why there is none), its band, the mean
 * item score, the sub-scales and the flags to act on.
 */
export function ScoreSummary({
  result,
  range,
  bandLevels,
  higherIsBetter,
}: {
  result: ScoreResult;
  range: { min: number; max: number } | null;
  bandLevels?: number;
  higherIsBetter?: boolean;
}) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const text = useInstrumentText();
  return (
    <Stack gap="xs">
      {range || result.total !== null ? (
        <Group gap="sm" align="baseline" data-testid="score-total">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t("measures.score.total")}
          </Text>
          <Text fz={28} fw={700} lh={1}>
            {result.total === null ? "—" : num(result.total)}
          </Text>
          {range && (
            <Text size="sm" c="dimmed">
              {t("measures.score.ofRange", { min: num(range.min), max: num(range.max) })}
            </Text>
          )}
          <BandBadge band={result.band} levels={bandLevels} higherIsBetter={higherIsBetter} />
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t("measures.score.noTotal")}
        </Text>
      )}
      {result.unscoredReason && (
        <Text size="sm" c="orange.9">
          {t("measures.score.unscored", { reason: result.unscoredReason })}
        </Text>
      )}
      {result.entry === "items" && (
        <Text size="sm" c="dimmed">
          {t("measures.score.answered", { answered: result.answered, missing: result.missing.length })}
          {result.prorated && ` · ${t("measures.score.prorated")}`}
        </Text>
      )}
      {result.meanItemScore !== null && (
        <Text size="sm">
          {t("measures.score.mean")}: <b>{num(result.meanItemScore)}</b>
        </Text>
      )}
      {result.subscales.length > 0 && (
        <List size="sm" spacing={2} aria-label={t("measures.score.subscales")}>
          {result.subscales.map((s) => (
            <List.Item key={s.code}>
              <Group gap={6} wrap="nowrap">
                <span>
                  {text(s.name)}: <b>{s.score === null ? "—" : num(s.score)}</b>
                  {s.prorated && ` (${t("measures.score.proratedShort")})`}
                </span>
                <BandBadge band={s.band} />
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {result.flags.map((f) => (
        <Alert
          key={f.code}
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={t("measures.score.flag")}
          p="xs"
        >
          <Text size="sm">{text(f.message)}</Text>
        </Alert>
      ))}
    </Stack>
  );
}
