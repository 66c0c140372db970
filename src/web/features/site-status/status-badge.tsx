import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SiteStatus } from "./types.ts";

const COLORS: Record<SiteStatus, string> = {
  preparing: "indigo",
  active: "teal",
  paused: "orange",
  stopped: "red",
};

/** A site's implementation status; "not recorded" when none is. */
export function StatusBadge({ status }: { status: SiteStatus | null }) {
  const { t } = useTranslation();
  if (!status)
    return (
      <Badge variant="light" color="gray">
        {t("siteStatus.status.none")}
      </Badge>
    );
  return (
    <Badge variant="light" color={COLORS[status]}>
      {t(`siteStatus.status.${status}`)}
    </Badge>
  );
}
