import { Badge } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconCircleX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { type Outcome, outcomeOf } from "./outcome.ts";
import type { Verification } from "./types.ts";

const LOOK: Record<Outcome, { color: string; Icon: typeof IconCircleCheck }> = {
  never: { color: "gray", Icon: IconCircleDashed },
  missing: { color: "red", Icon: IconAlertTriangle },
  ok: { color: "teal", Icon: IconCircleCheck },
  differences: { color: "red", Icon: IconCircleX },
};

/** A verification's result in words and an icon as well as colour: OK, n differences, not built, not verified. */
export function OutcomeBadge({
  verification,
  size = "md",
}: {
  verification: Pick<Verification, "differences" | "detail"> | null;
  size?: "sm" | "md" | "lg";
}) {
  const { t, i18n } = useTranslation();
  const outcome = outcomeOf(verification);
  const { color, Icon } = LOOK[outcome];
  return (
    <Badge
      size={size}
      variant="light"
      color={color}
      tt="none"
      data-outcome={outcome}
      leftSection={<Icon size={14} aria-hidden="true" />}
    >
      {outcome === "differences"
        ? t("facts.outcome.differences", {
            count: verification?.differences ?? 0,
            n: new Intl.NumberFormat(i18n.language).format(verification?.differences ?? 0),
          })
        : t(`facts.outcome.${outcome}`)}
    </Badge>
  );
}
