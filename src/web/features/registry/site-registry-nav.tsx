import { Button, Group } from "@mantine/core";
import {
  IconCalendarPlus,
  IconListCheck,
  IconUserQuestion,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

/** The registry pages of one site, as a small navigation above each of them. */
export function SiteRegistryNav({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const links = [
    { to: `/sites/${siteId}/patients`, label: t("registry.nav.patients"), icon: IconUsers },
    { to: `/sites/${siteId}/worklists`, label: t("registry.nav.worklists"), icon: IconListCheck },
    { to: `/sites/${siteId}/disengagement`, label: t("pathways.disengagement.nav"), icon: IconUserQuestion },
    { to: `/sites/${siteId}/groups`, label: t("registry.nav.groups"), icon: IconUsersGroup },
    { to: `/sites/${siteId}/day-entry`, label: t("registry.nav.dayEntry"), icon: IconCalendarPlus },
  ];
  return (
    <nav aria-label={t("registry.nav.label")}>
      <Group gap="xs">
        {links.map(({ to, label, icon: Icon }) => {
          const current = pathname === to;
          return (
            <Button
              key={to}
              component={Link}
              to={to}
              size="xs"
              variant={current ? "light" : "subtle"}
              aria-current={current ? "page" : undefined}
              leftSection={<Icon size={16} aria-hidden="true" />}
            >
              {label}
            </Button>
          );
        })}
      </Group>
    </nav>
  );
}
