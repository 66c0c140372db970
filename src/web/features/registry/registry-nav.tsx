import { NavLink, Text } from "@mantine/core";
import { IconChecklist, IconListCheck, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { canImport, canUseRegistry, registrySites } from "../../app/data/registry-access.ts";
import { useCurrentUser } from "../../app/session.ts";
import { ImportsNav } from "../exchange/imports-nav.tsx";

/** At most this many sites get their registry links in the navigation (others go through the site page). */
const MAX_SITES = 3;

/**
 * The registry in the navigation: for those who record at a few sites (clinicians, site
 * coordinators) each site's patients and worklists — administrators and regional coordinators,
 * with many sites, reach them from each site's page —, the data-quality worklist for every
 * registry user, and the import page for those who import. Viewers get none of it.
 */
export function RegistryNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { pathname } = useLocation();
  const all = registrySites(me);
  const sites = me.isAdmin || all.length > MAX_SITES ? [] : all;
  const quality = canUseRegistry(me);
  if (sites.length === 0 && !canImport(me) && !quality) return null;
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
      {quality && item("/data-quality", t("home.quality.title"), IconChecklist)}
      <ImportsNav onNavigate={onNavigate} />
    </section>
  );
}
