import { Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HubProps } from "../../app/hub.tsx";
import { TeamSection } from "./team-section.tsx";

/** The team on a site's page: the user's own site's team, else a note that it is not theirs. */
export function SiteTeamSection({ siteId, mine }: HubProps["site"]) {
  const { t } = useTranslation();
  if (mine) return <TeamSection siteId={siteId} canManage={mine.canManage} />;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t("teams.title")}
      </Title>
      <Text c="dimmed" size="sm">
        {t("teams.notYourSite")}
      </Text>
    </Paper>
  );
}
