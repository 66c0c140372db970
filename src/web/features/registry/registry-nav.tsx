import { IconChecklist, IconListCheck, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { canImport, canUseRegistry, registrySites } from "../../app/data/registry-access.ts";
import { useCurrentUser } from "../../app/session.ts";
import { NavItem, NavSection } from "../../app/ui/nav-item.tsx";
import { ImportsNav } from "../exchange/public.ts";

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
  const all = registrySites(me);
  const sites = me.isAdmin || all.length > MAX_SITES ? [] : all;
  const quality = canUseRegistry(me);
  if (sites.length === 0 && !canImport(me) && !quality) return null;
  const item = (to: string, label: string, icon: typeof IconUsers) => (
    <NavItem key={to} to={to} exact label={label} icon={icon} onNavigate={onNavigate} />
  );
  return (
    <NavSection id="nav-registry" title={t("registry.nav.section")}>
      {sites.flatMap((s) => {
        const suffix = sites.length > 1 ? ` · ${s.code}` : "";
        return [
          item(`/sites/${s.id}/patients`, `${t("registry.nav.patients")}${suffix}`, IconUsers),
          item(`/sites/${s.id}/worklists`, `${t("registry.nav.worklists")}${suffix}`, IconListCheck),
        ];
      })}
      {quality && item("/data-quality", t("home.quality.title"), IconChecklist)}
      <ImportsNav onNavigate={onNavigate} />
    </NavSection>
  );
}
