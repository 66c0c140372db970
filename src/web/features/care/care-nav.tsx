import { NavLink } from "@mantine/core";
import { IconShare } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useCurrentUser } from "../../app/session.ts";

/**
 * "Plans shared with my service" in the navigation: for those who work at a site (clinicians,
 * site coordinators), whose site may stand for a service of the directory. The server decides
 * which plans they read.
 */
export function CareNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { pathname } = useLocation();
  if (!me.grants.some((g) => (g.role === "clinician" || g.role === "site_coordinator") && g.siteId !== null))
    return null;
  const to = "/care/shared";
  const active = pathname === to || pathname.startsWith(`${to}/`);
  return (
    <NavLink
      component={Link}
      to={to}
      label={t("care.shared.nav")}
      leftSection={<IconShare size={18} stroke={1.6} aria-hidden="true" />}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
    />
  );
}
