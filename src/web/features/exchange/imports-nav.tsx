import { NavLink } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { canImport } from "../../app/data/registry-access.ts";
import { useCurrentUser } from "../../app/session.ts";

/** "Import and export" in the navigation, for administrators and regional coordinators. */
export function ImportsNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { pathname } = useLocation();
  if (!canImport(me)) return null;
  const active = pathname === "/imports";
  return (
    <NavLink
      component={Link}
      to="/imports"
      label={t("imports.nav")}
      leftSection={<IconFileImport size={18} stroke={1.6} aria-hidden="true" />}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
    />
  );
}
