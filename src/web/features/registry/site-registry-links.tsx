import { useTranslation } from "react-i18next";
import { canUseRegistryAt } from "../../app/data/registry-access.ts";
import { useCurrentUser } from "../../app/session.ts";
import { SectionCard } from "../../app/ui/section-card.tsx";
import { SiteRegistryNav } from "./site-registry-nav.tsx";

/** On a site's page: the way into its registry (patients, worklists, groups, day entry), for those who may use it. */
export function SiteRegistryLinks({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!canUseRegistryAt(me, siteId)) return null;
  return (
    <SectionCard heading title={t("registry.nav.section")} hint={t("registry.nav.sectionHint")}>
      <SiteRegistryNav siteId={siteId} />
    </SectionCard>
  );
}
