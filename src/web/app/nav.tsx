import { ScrollArea, Stack } from "@mantine/core";
import {
  IconAddressBook,
  IconBook2,
  IconBooks,
  IconBuildingHospital,
  IconClipboardList,
  IconDatabaseCog,
  IconHistory,
  IconHome,
  IconSitemap,
  IconUsers,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { CareNav } from "../features/care/care-nav.tsx";
import { dashboardNav } from "../features/indicators/nav-items.tsx";
import { MeasuresNav } from "../features/measures/measures-nav.tsx";
import { planningNav } from "../features/planning/planning-nav.tsx";
import { RegistryNav } from "../features/registry/registry-nav.tsx";
import { useCurrentUser } from "./session.ts";
import { NavItem, NavSection, ProgrammePageItems } from "./ui/nav-item.tsx";

/** The navigation: home, my programmes and sites, and the administration pages for administrators. */
export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <ScrollArea type="auto" h="100%">
      <Stack gap={0} pb="md">
        <NavItem to="/" exact label={t("nav.home")} icon={IconHome} onNavigate={onNavigate} />
        <NavItem
          to="/programmes"
          exact
          label={t("nav.programmes")}
          icon={IconClipboardList}
          onNavigate={onNavigate}
        />
        {me.programmes.length > 0 && (
          <NavSection title={t("nav.myProgrammes")}>
            {me.programmes.map((p) => (
              <NavItem key={p.id} to={`/programmes/${p.id}`} label={p.code} onNavigate={onNavigate} />
            ))}
            {[dashboardNav, planningNav].map((nav) => (
              <ProgrammePageItems
                key={nav.page}
                nav={nav}
                programmes={me.programmes}
                onNavigate={onNavigate}
              />
            ))}
          </NavSection>
        )}
        {me.sites.length > 0 && (
          <NavSection title={me.isAdmin ? t("nav.sites") : t("nav.mySites")}>
            {me.sites.map((s) => (
              <NavItem
                key={s.id}
                to={`/sites/${s.id}`}
                label={s.code}
                icon={IconBuildingHospital}
                onNavigate={onNavigate}
              />
            ))}
          </NavSection>
        )}
        <NavItem to="/directory" label={t("directory.nav")} icon={IconAddressBook} onNavigate={onNavigate} />
        <NavItem to="/protocols" label={t("protocols.nav")} icon={IconBooks} onNavigate={onNavigate} />
        <CareNav onNavigate={onNavigate} />
        <RegistryNav onNavigate={onNavigate} />
        <MeasuresNav onNavigate={onNavigate} />
        {me.isAdmin && (
          <NavSection title={t("nav.administration")}>
            <NavItem
              to="/admin/structure"
              label={t("nav.structure")}
              icon={IconSitemap}
              onNavigate={onNavigate}
            />
            <NavItem to="/practices" label={t("nav.practices")} icon={IconBook2} onNavigate={onNavigate} />
            <NavItem to="/admin/users" label={t("nav.users")} icon={IconUsers} onNavigate={onNavigate} />
            <NavItem to="/admin/audit" label={t("nav.audit")} icon={IconHistory} onNavigate={onNavigate} />
            <NavItem
              to="/admin/indicator-facts"
              label={t("nav.indicatorFacts")}
              icon={IconDatabaseCog}
              onNavigate={onNavigate}
            />
          </NavSection>
        )}
      </Stack>
    </ScrollArea>
  );
}
