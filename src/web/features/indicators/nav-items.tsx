import { IconChartBar } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { NavItem } from "../../app/ui/nav-item.tsx";

/** In the navigation, under "My programmes": each programme's dashboard. */
export function DashboardNavItems({
  programmes,
  onNavigate,
}: {
  programmes: Array<{ id: number; code: string }>;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  return programmes.map((p) => (
    <NavItem
      key={p.id}
      to={`/programmes/${p.id}/dashboard`}
      label={t("dashboard.navItem", { code: p.code })}
      icon={IconChartBar}
      onNavigate={onNavigate}
    />
  ));
}
