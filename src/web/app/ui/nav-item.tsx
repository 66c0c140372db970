import { NavLink, Text } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import type { ReactNode } from "react";
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
