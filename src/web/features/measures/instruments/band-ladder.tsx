import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatNumber } from "../labels.ts";
import { bandColour } from "../outcomes/outcome-chart-option.ts";
import type { Band, InstrumentDetail } from "../types.ts";
import { useInstrumentText } from "./instrument-text.ts";

/** The instrument's bands from lowest to highest, the current one outlined: where the score sits. */
export function BandLadder({ instrument, current }: { instrument: InstrumentDetail; current: Band | null }) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const text = useInstrumentText();
  const bands = [...instrument.bands].sort((a, b) => a.min - b.min);
  if (bands.length === 0) return null;
  const max = instrument.total?.max;
  return (
    <Group gap={4} wrap="wrap" aria-label={t("measures.score.bands")} role="list">
      {bands.map((b, i) => {
        const next = bands[i + 1]?.min;
        const step = instrument.total?.method === "mean" ? 0.01 : 1;
        const upper = next === undefined ? max : Math.round((next - step) * 100) / 100;
        const here = current?.code === b.code;
        return (
          <Text
            key={b.code}
            role="listitem"
            aria-current={here ? "true" : undefined}
            size="xs"
            px={6}
            py={2}
            style={{
              background: bandColour(b.level, bands.length, instrument.higherIsBetter),
              borderRadius: 4,
              outline: here ? "2px solid var(--mantine-color-dark-6)" : undefined,
              fontWeight: here ? 700 : 400,
            }}
          >
            {text(b.label)} {upper === undefined ? `≥ ${num(b.min)}` : `${num(b.min)}–${num(upper)}`}
          </Text>
        );
      })}
    </Group>
  );
}
