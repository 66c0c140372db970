import { Anchor, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { canUseRegistryAt } from "../../app/data/registry-access.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { useFormatDate } from "../registry/public.ts";
import { AggregatesSection } from "./aggregates-section.tsx";
import { type Home, useHome } from "./api.ts";
import { DataQualityTable } from "./data-quality-table.tsx";
import { FidelitySection } from "./fidelity-section.tsx";
import { HomeSection } from "./home-section.tsx";
import { MyWork } from "./my-work.tsx";
import { OverdueSection } from "./overdue-section.tsx";
import { RoundsSection } from "./rounds-section.tsx";
import { TargetsSection } from "./targets-section.tsx";
import { WorklistsSection } from "./worklists-section.tsx";

/**
 * The home page: what needs doing now for the user's roles (the server assembles it, scoped —
 * `GET /api/home`), each item linked to the page where it is done; then my programmes and sites.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const home = useHome();
  const viewerOnly = home.data?.audiences.length === 1 && home.data.audiences[0] === "viewer";
  return (
    <Page
      title={t("home.welcome", { name: me.displayName || me.username })}
      subtitle={viewerOnly ? t("home.subtitleViewer") : t("home.subtitle")}
    >
      <QueryView query={home}>{(h) => <HomeItems home={h} />}</QueryView>
      <MyWork />
    </Page>
  );
}

function HomeItems({ home }: { home: Home }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const date = useFormatDate();
  const is = (a: Home["audiences"][number]) => home.audiences.includes(a);
  const staff = is("site_staff");
  const oversees = is("administrator") || is("regional_coordinator");
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("home.asOf", { date: date(home.asOf) })}
      </Text>
      {staff && <WorklistsSection sites={home.worklists} />}
      {(staff || oversees) && <OverdueSection overdue={home.overdueActivities} />}
      {(staff || oversees) && <RoundsSection rounds={home.openRounds} />}
      {oversees && <TargetsSection items={home.belowTarget} />}
      {oversees && <FidelitySection items={home.fidelityDue} />}
      {(staff || oversees) && (
        <HomeSection id="home-quality" title={t("home.quality.title")} hint={t("home.quality.hint")}>
          <DataQualityTable sites={home.dataQuality} canOpen={(id) => canUseRegistryAt(me, id)} />
          <Group>
            <Anchor component={Link} to="/data-quality" size="sm">
              {t("home.quality.openAll")}
            </Anchor>
          </Group>
        </HomeSection>
      )}
      {is("viewer") && !staff && !oversees && <AggregatesSection programmes={home.aggregates} />}
    </Stack>
  );
}
