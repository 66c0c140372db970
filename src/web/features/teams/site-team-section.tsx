import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HubProps } from "../../app/hub.tsx";
import { TitledPanel } from "../../app/ui/titled-panel.tsx";
import { TeamSection } from "./team-section.tsx";

/** The team on a site's page: the user's own site's team, else a note that it is not theirs. */
export function SiteTeamSection({ siteId, mine }: HubProps["site"]) {
  const { t } = useTranslation();
  if (mine) return <TeamSection siteId={siteId} canManage={mine.canManage} />;
  return (
    <TitledPanel title={t("teams.title")}>
      <Text c="dimmed" size="sm">
        {t("teams.notYourSite")}
      </Text>
    </TitledPanel>
  );
}
