import { IconRoute } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { NavItem } from "../../app/ui/nav-item.tsx";

/** In the navigation, under "My programmes": each programme's plan. */
export function PlanningNavItems({
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
      to={`/programmes/${p.id}/planning`}
      label={t("planning.navItem", { code: p.code })}
      icon={IconRoute}
      onNavigate={onNavigate}
    />
  ));
}
