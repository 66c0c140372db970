import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Programme } from "../types.ts";

/** A programme phase (the server's PHASES). */
type Phase = Programme["phases"][number]["phase"];

const COLORS: Record<Phase, string> = {
  pre_implementation: "grape",
  implementation: "indigo",
  sustainability: "teal",
};

/** The phase a programme is in today; "not started / ended" when none. */
export function PhaseBadge({ phase }: { phase: Phase | null }) {
  const { t } = useTranslation();
  if (!phase)
    return (
      <Badge variant="light" color="gray">
        {t("phases.none")}
      </Badge>
    );
  return (
    <Badge variant="light" color={COLORS[phase]}>
      {t(`phases.${phase}`)}
    </Badge>
  );
}

/** The phase whose dates contain `today` (the latest-starting one if several do), as the server computes it. */
export function phaseOn(
  phases: Array<{ phase: Phase; startDate: string; endDate: string | null }>,
  today: string,
): Phase | null {
  const current = phases
    .filter((p) => p.startDate <= today && (p.endDate === null || p.endDate >= today))
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
  return current[0]?.phase ?? null;
}
