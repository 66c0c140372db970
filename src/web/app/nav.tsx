import { NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import {
  IconAddressBook,
  IconBook2,
  IconBuildingHospital,
  IconClipboardList,
  IconDatabaseCog,
  IconHistory,
  IconHome,
  IconSitemap,
  IconUsers,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { CareNav } from "../features/care/care-nav.tsx";
import { DashboardNavItems } from "../features/dashboard/nav-items.tsx";
import { MeasuresNav } from "../features/measures/measures-nav.tsx";
import { PlanningNavItems } from "../features/planning/planning-nav.tsx";
import { RegistryNav } from "../features/registry/registry-nav.tsx";
import { useCurrentUser } from "./session.ts";

function Item({
  to,
  label,
  icon,
  onNavigate,
  exact,
}: {
  to: string;
  label: ReactNode;
  icon?: ReactNode;
  onNavigate: () => void;
  exact?: boolean;
}) {
  const { pathname } = useLocation();
  const active = exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
    />
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `nav-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id}>
      <Text id={id} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="md" pb={4}>
        {title}
      </Text>
      {children}
    </section>
  );
}

/** The navigation: home, my programmes and sites, and the administration pages for administrators. */
export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const icon = (I: typeof IconHome) => <I size={18} stroke={1.6} aria-hidden="true" />;
  return (
    <ScrollArea type="auto" h="100%">
      <Stack gap={0} pb="md">
        <Item to="/" exact label={t("nav.home")} icon={icon(IconHome)} onNavigate={onNavigate} />
        <Item
          to="/programmes"
          exact
          label={t("nav.programmes")}
          icon={icon(IconClipboardList)}
          onNavigate={onNavigate}
        />
        {me.programmes.length > 0 && (
          <Section title={t("nav.myProgrammes")}>
            {me.programmes.map((p) => (
              <Item key={p.id} to={`/programmes/${p.id}`} label={p.code} onNavigate={onNavigate} />
            ))}
            <DashboardNavItems programmes={me.programmes} onNavigate={onNavigate} />
            <PlanningNavItems programmes={me.programmes} onNavigate={onNavigate} />
          </Section>
        )}
        {me.sites.length > 0 && (
          <Section title={me.isAdmin ? t("nav.sites") : t("nav.mySites")}>
            {me.sites.map((s) => (
              <Item
                key={s.id}
                to={`/sites/${s.id}`}
                label={s.code}
                icon={icon(IconBuildingHospital)}
                onNavigate={onNavigate}
              />
            ))}
          </Section>
        )}
        <Item
          to="/directory"
          label={t("directory.nav")}
          icon={icon(IconAddressBook)}
          onNavigate={onNavigate}
        />
        <CareNav onNavigate={onNavigate} />
        <RegistryNav onNavigate={onNavigate} />
        <MeasuresNav onNavigate={onNavigate} />
        {me.isAdmin && (
          <Section title={t("nav.administration")}>
            <Item
              to="/admin/structure"
              label={t("nav.structure")}
              icon={icon(IconSitemap)}
              onNavigate={onNavigate}
            />
            <Item to="/practices" label={t("nav.practices")} icon={icon(IconBook2)} onNavigate={onNavigate} />
            <Item to="/admin/users" label={t("nav.users")} icon={icon(IconUsers)} onNavigate={onNavigate} />
            <Item to="/admin/audit" label={t("nav.audit")} icon={icon(IconHistory)} onNavigate={onNavigate} />
            <Item
              to="/admin/indicator-facts"
              label={t("nav.indicatorFacts")}
              icon={icon(IconDatabaseCog)}
              onNavigate={onNavigate}
            />
          </Section>
        )}
      </Stack>
    </ScrollArea>
  );
}
