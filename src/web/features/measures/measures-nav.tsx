import { IconBooks, IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../../app/session.ts";
import { NavItem, NavSection } from "../../app/ui/nav-item.tsx";

/** At most this many sites get their fidelity link in the navigation (others go through the site page). */
const MAX_SITES = 3;

/** Measures in the navigation: the instrument and fidelity-scale library, and the fidelity reviews of one's sites. */
export function MeasuresNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const readable = me.sites.filter((s) => s.canReadData);
  const sites = me.isAdmin || readable.length > MAX_SITES ? [] : readable;
  const item = (to: string, label: string, icon: typeof IconBooks) => (
    <NavItem key={to} to={to} label={label} icon={icon} onNavigate={onNavigate} />
  );
  return (
    <NavSection id="nav-measures" title={t("measures.nav.section")}>
      {item("/measures/library", t("measures.nav.instruments"), IconBooks)}
      {sites.map((s) =>
        item(
          `/sites/${s.id}/fidelity`,
          `${t("measures.fidelity.reviews")}${sites.length > 1 ? ` · ${s.code}` : ""}`,
          IconShieldCheck,
        ),
      )}
    </NavSection>
  );
}
