import { Badge } from "@mantine/core";
import { IconCircleCheck, IconCircleX, IconMinus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { STATUS_COLOR, type Status } from "./format.ts";

const ICONS = { met: IconCircleCheck, notMet: IconCircleX, none: IconMinus } as const;

/** Against the target, in words and an icon as well as colour. */
export function StatusBadge({ status, label }: { status: Status; label?: string }) {
  const { t } = useTranslation();
  const Icon = ICONS[status];
  return (
    <Badge
      variant="light"
      color={STATUS_COLOR[status]}
      tt="none"
      leftSection={<Icon size={12} aria-hidden="true" />}
    >
      {label ?? t(`dashboard.status.${status}`)}
    </Badge>
  );
}
