import { NavLink, Text } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

/**
 * One link of the navigation: current (highlighted, `aria-current="page"`) on its page and —
 * unless `exact` — on the pages under it; following it closes the navigation on small screens.
 * Every feature's navigation entries are these.
 */
export function NavItem({
  to,
  label,
  icon: I,
  onNavigate,
  exact,
}: {
  to: string;
  label: ReactNode;
  icon?: Icon;
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
      leftSection={I ? <I size={18} stroke={1.6} aria-hidden="true" /> : undefined}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
    />
  );
}

/** A titled group of navigation links, named by its title for screen readers. */
export function NavSection({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  const headingId = id ?? `nav-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={headingId}>
      <Text id={headingId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="md" pb={4}>
        {title}
      </Text>
      {children}
    </section>
  );
}

/** A feature's page of each programme, listed in the navigation under "My programmes". */
export interface ProgrammePageNav {
  /** The page under `/programmes/:id/`. */
  page: string;
  icon: Icon;
  label(t: TFunction, code: string): string;
}

/** One link per programme to a feature's page of it (`ProgrammePageNav`). */
export function ProgrammePageItems({
  nav,
  programmes,
  onNavigate,
}: {
  nav: ProgrammePageNav;
  programmes: Array<{ id: number; code: string }>;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  return programmes.map((p) => (
    <NavItem
      key={p.id}
      to={`/programmes/${p.id}/${nav.page}`}
      label={nav.label(t, p.code)}
      icon={nav.icon}
      onNavigate={onNavigate}
    />
  ));
}
