import { IconRoute } from "@tabler/icons-react";
import type { ProgrammePageNav } from "../../app/ui/nav-item.tsx";

/** In the navigation, under "My programmes": each programme's plan. */
export const planningNav: ProgrammePageNav = {
  page: "planning",
  icon: IconRoute,
  label: (t, code) => t("planning.navItem", { code }),
};
