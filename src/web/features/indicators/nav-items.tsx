import { IconChartBar } from "@tabler/icons-react";
import type { ProgrammePageNav } from "../../app/ui/nav-item.tsx";

/** In the navigation, under "My programmes": each programme's dashboard. */
export const dashboardNav: ProgrammePageNav = {
  page: "dashboard",
  icon: IconChartBar,
  label: (t, code) => t("dashboard.navItem", { code }),
};
