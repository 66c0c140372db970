import { IconFileImport } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { canImport } from "../../app/data/registry-access.ts";
import { useCurrentUser } from "../../app/session.ts";
import { NavItem } from "../../app/ui/nav-item.tsx";

/** "Import and export" in the navigation, for administrators and regional coordinators. */
export function ImportsNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!canImport(me)) return null;
  return (
    <NavItem to="/imports" exact label={t("imports.nav")} icon={IconFileImport} onNavigate={onNavigate} />
  );
}
