import { NavLink } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

/** In the navigation, under "My programmes": each programme's dashboard. */
export function DashboardNavItems({
  programmes,
  onNavigate,
}: {
  programmes: Array<{ id: number; code: string }>;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return programmes.map((p) => {
    const to = `/programmes/${p.id}/dashboard`;
    const active = pathname === to || pathname.startsWith(`${to}/`);
    return (
      <NavLink
        key={p.id}
        component={Link}
        to={to}
        label={t("dashboard.navItem", { code: p.code })}
        leftSection={<IconChartBar size={18} stroke={1.6} aria-hidden="true" />}
        active={active}
        aria-current={active ? "page" : undefined}
        onClick={onNavigate}
      />
    );
  });
}
