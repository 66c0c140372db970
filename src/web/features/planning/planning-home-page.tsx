import { Anchor, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page, QueryView } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { TitledPanel } from "../../app/ui/titled-panel.tsx";
import { AssessmentOverviewCard } from "../protocols/public.ts";
import { editsDefinitions, readableSites, seesAcrossSites } from "./access.ts";
import { useOverview } from "./api.ts";
import { PlanningRoute } from "./artefact-route.tsx";
import { PlanningMatrix } from "./planning-matrix.tsx";
import { planningUrl } from "./scope.ts";
import { TemplateCard } from "./template-card.tsx";
import type { PlanningProgramme } from "./use-planning-programme.ts";

/** A programme's plan: every artefact of the region and of each site, the cross-site views, templates. */
export function PlanningHomePage() {
  return <PlanningRoute>{(programme) => <PlanningHome programme={programme} />}</PlanningRoute>;
}

function LinkList({
  title,
  links,
}: {
  title: string;
  links: Array<{ to: string; label: string; hint: string }>;
}) {
  return (
    <TitledPanel title={title}>
      <Stack gap="sm">
        {links.map((l) => (
          <div key={l.to}>
            <Anchor component={Link} to={l.to} fw={600}>
              {l.label}
            </Anchor>
            <Text size="xs" c="dimmed">
              {l.hint}
            </Text>
          </div>
        ))}
      </Stack>
    </TitledPanel>
  );
}

function PlanningHome({ programme }: { programme: PlanningProgramme }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const overview = useOverview(programme.id);
  const url = (...p: Array<string | number>) => planningUrl(programme.id, ...p);
  const across = seesAcrossSites(me, programme.id);
  const sites = readableSites(me, programme.id, programme.sites);
  return (
    <Page
      title={t("planning.titleNamed", { code: programme.code })}
      subtitle={t("planning.subtitle")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("planning.title") },
      ]}
    >
      {editsDefinitions(me, programme.id) && <TemplateCard programmeId={programme.id} />}
      <QueryView query={overview}>
        {(entries) => <PlanningMatrix programmeId={programme.id} sites={sites} entries={entries} />}
      </QueryView>
      <AssessmentOverviewCard programmeId={programme.id} sites={sites} />
      <SimpleGrid cols={{ base: 1, md: across ? 2 : 1 }}>
        {across && (
          <LinkList
            title={t("planning.home.acrossSites")}
            links={[
              {
                to: url("sana-compare"),
                label: t("planning.sanaCompare.title"),
                hint: t("planning.home.sanaCompareHint"),
              },
              {
                to: url("swot-common-factors"),
                label: t("planning.commonFactors.title"),
                hint: t("planning.home.commonFactorsHint"),
              },
              {
                to: url("action-plan-progress"),
                label: t("planning.progress.title"),
                hint: t("planning.home.progressHint"),
              },
              {
                to: url("roadmap-compliance"),
                label: t("planning.compliance.title"),
                hint: t("planning.home.complianceHint"),
              },
            ]}
          />
        )}
        <LinkList
          title={t("planning.home.definitions")}
          links={[
            {
              to: url("sana-template"),
              label: t("planning.sanaTemplate.title"),
              hint: t("planning.home.sanaTemplateHint"),
            },
            {
              to: url("questionnaires"),
              label: t("planning.questionnaires.title"),
              hint: t("planning.home.questionnairesHint"),
            },
            {
              to: url("chain", "region"),
              label: t("planningChain.title"),
              hint: t("planningChain.homeHint"),
            },
            {
              to: url("reco"),
              label: t("reco.title"),
              hint: t("reco.homeHint"),
            },
            {
              to: url("swot-tags"),
              label: t("planning.swot.vocabulary"),
              hint: t("planning.home.vocabularyHint"),
            },
          ]}
        />
      </SimpleGrid>
    </Page>
  );
}
