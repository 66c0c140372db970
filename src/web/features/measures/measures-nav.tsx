import { NavLink, Text } from "@mantine/core";
import { IconBooks, IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useCurrentUser } from "../../app/session.ts";

/** At most this many sites get their fidelity link in the navigation (others go through the site page). */
const MAX_SITES = 3;

/** Measures in the navigation: the instrument and fidelity-scale library, and the fidelity reviews of one's sites. */
export function MeasuresNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { pathname } = useLocation();
  const readable = me.sites.filter((s) => s.canReadData);
  const sites = me.isAdmin || readable.length > MAX_SITES ? [] : readable;
  const item = (to: string, label: string, Icon: typeof IconBooks) => {
    const active = pathname === to || pathname.startsWith(`${to}/`);
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
    <section aria-labelledby="nav-measures">
      <Text id="nav-measures" size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="md" pb={4}>
        {t("measures.nav.section")}
      </Text>
      {item("/measures/library", t("measures.nav.instruments"), IconBooks)}
      {sites.map((s) =>
        item(
          `/sites/${s.id}/fidelity`,
          `${t("measures.fidelity.reviews")}${sites.length > 1 ? ` · ${s.code}` : ""}`,
          IconShieldCheck,
        ),
      )}
    </section>
  );
}
