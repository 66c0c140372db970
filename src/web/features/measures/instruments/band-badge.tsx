import { Badge } from "@mantine/core";
import { BAND_BADGES } from "../chart-palette.ts";
import type { Band } from "../types.ts";
import { useInstrumentText } from "./instrument-text.ts";

/**
 * A severity band as the instrument names it, coloured by its level. For scales where a higher
 * score is better (IMRS) the colours run the other way.
 */
export function BandBadge({
  band,
  levels,
  higherIsBetter = false,
}: {
  band: Band | null;
  levels?: number;
  higherIsBetter?: boolean;
}) {
  const text = useInstrumentText();
  if (!band) return null;
  const top = Math.max((levels ?? BAND_BADGES.length) - 1, 1);
  const level = higherIsBetter ? top - band.level : band.level;
  const colour =
    BAND_BADGES[Math.min(Math.round((level / top) * (BAND_BADGES.length - 1)), BAND_BADGES.length - 1)];
  return (
    <Badge
      color={colour}
      variant="light"
      tt="none"
      styles={{ label: { color: "var(--mantine-color-dark-7)" } }}
    >
      {text(band.label)}
    </Badge>
  );
}
