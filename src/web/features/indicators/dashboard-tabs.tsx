import { Button, Group } from "@mantine/core";
import {
  IconChartBar,
  IconChartLine,
  IconLayoutDashboard,
  IconSettings,
  IconTable,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDashboardHref } from "./as-of.ts";

export type DashboardTab = "overview" | "charts" | "trends" | "table" | "editor";

const TABS: Array<{ tab: DashboardTab; path: string; icon: typeof IconTable }> = [
  { tab: "overview", path: "", icon: IconLayoutDashboard },
  { tab: "charts", path: "/charts", icon: IconChartBar },
  { tab: "trends", path: "/trends", icon: IconChartLine },
  { tab: "table", path: "/table", icon: IconTable },
  { tab: "editor", path: "/indicators", icon: IconSettings },
];

/** The dashboard's views, as links (each view has its own address). */
export function DashboardTabs({ current }: { current: DashboardTab | null }) {
  const { t } = useTranslation();
  const href = useDashboardHref();
  return (
    <nav aria-label={t("dashboard.views")}>
      <Group gap={6} wrap="wrap">
        {TABS.map(({ tab, path, icon: Icon }) => (
          <Button
            key={tab}
            component={Link}
            to={href(path)}
            size="sm"
            variant={current === tab ? "filled" : "default"}
            aria-current={current === tab ? "page" : undefined}
            leftSection={<Icon size={16} aria-hidden="true" />}
          >
            {t(`dashboard.tabs.${tab}`)}
          </Button>
        ))}
      </Group>
    </nav>
  );
}
