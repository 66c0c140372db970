import { NavLink, Text } from "@mantine/core";
import { IconListCheck, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { canImport, registrySites } from "../../app/data/registry-access.ts";
import { useCurrentUser } from "../../app/session.ts";
import { ImportsNav } from "../imports/imports-nav.tsx";

/** At most this many sites get their registry links in the navigation (others go through the site page). */
const MAX_SITES = 3;

/**
 * The registry in the navigation: for those who record at a few sites (clinicians, site
 * coordinators) each site's patients and worklists — administrators and regional coordinators,
 * with many sites, reach them from each site's page — and the import page for those who import.
 */
export function RegistryNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { pathname } = useLocation();
  const all = registrySites(me);
  const sites = me.isAdmin || all.length > MAX_SITES ? [] : all;
  if (sites.length === 0 && !canImport(me)) return null;
  const item = (to: string, label: string, Icon: typeof IconUsers) => {
    const active = pathname === to;
    return (
      <NavLink
        key={to}
        component={Link}
        to={to}
        label={label}
        leftSection={<Icon size={18} stroke={1.6} aria-hidden="true" />}
        active={active}
        aria-current={active ? "page" : undefined}
        onClick={onNavigate}
      />
    );
  };
  return (
    <section aria-labelledby="nav-registry">
      <Text id="nav-registry" size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="md" pb={4}>
        {t("registry.nav.section")}
      </Text>
      {sites.flatMap((s) => {
        const suffix = sites.length > 1 ? ` · ${s.code}` : "";
        return [
          item(`/sites/${s.id}/patients`, `${t("registry.nav.patients")}${suffix}`, IconUsers),
          item(`/sites/${s.id}/worklists`, `${t("registry.nav.worklists")}${suffix}`, IconListCheck),
        ];
      })}
      <ImportsNav onNavigate={onNavigate} />
    </section>
  );
}
