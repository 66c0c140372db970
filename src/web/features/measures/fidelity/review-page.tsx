import { Alert, Anchor, Button, Group, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconListCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Page, QueryView } from "../../../app/page.tsx";
import { useCurrentUser } from "../../../app/session.ts";
import { TitledPanel } from "../../../app/ui/titled-panel.tsx";
import { useFidelityScales, useReview } from "../api.ts";
import { useFormatDate, useFormatNumber } from "../labels.ts";
import { Tag } from "../tag.tsx";
import type { ActionPlanResult, Review } from "../types.ts";
import { ActionPlanModal } from "./action-plan-modal.tsx";
import { AgreementFacts } from "./agreement-facts.tsx";
import { cutoffColour, cutoffLabel, useLevelLabel } from "./fidelity-labels.ts";
import { ReviewItemsTable } from "./review-items-table.tsx";

/** One fidelity review: the scores per level and overall, the raters' agreement, every item, and its action plan. */
export function ReviewPage() {
  const id = Number(useParams().id);
  const review = useReview(id);
  return <QueryView query={review}>{(r) => <ReviewView review={r} />}</QueryView>;
}

function ReviewView({ review }: { review: Review }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const date = useFormatDate();
  const num = useFormatNumber();
  const levelLabel = useLevelLabel();
  const scales = useFidelityScales();
  const scale = scales.data?.find((s) => s.code === review.scale);
  const site = me.sites.find((s) => s.id === review.siteId);
  const [planning, setPlanning] = useState(false);
  const [plan, setPlan] = useState<ActionPlanResult | null>(null);
  const lowThreshold = scale?.lowThreshold ?? review.overall.score ?? 0;
  const lowItems = review.items.filter((i) => i.mean !== null && i.mean <= lowThreshold);

  return (
    <Page
      title={t("measures.fidelity.reviewTitle", {
        scale: scale?.name ?? review.scale,
        date: date(review.reviewDate),
      })}
      subtitle={t("measures.fidelity.reviewOf", {
        site: site?.code ?? `#${review.siteId}`,
        version: review.scaleVersion,
      })}
      crumbs={[
        { label: site?.code ?? `#${review.siteId}`, to: `/sites/${review.siteId}` },
        {
          label: t("measures.fidelity.reviews"),
          to: `/sites/${review.siteId}/fidelity?programmeId=${review.programmeId}`,
        },
        { label: date(review.reviewDate) },
      ]}
      actions={
        site?.canManage && (
          <Button
            leftSection={<IconListCheck size={16} aria-hidden="true" />}
            onClick={() => setPlanning(true)}
            disabled={lowItems.length === 0 || plan !== null}
          >
            {t("measures.fidelity.plan.open", { count: lowItems.length })}
          </Button>
        )
      }
    >
      {plan && (
        <Alert
          color="green"
          variant="light"
          title={t("measures.fidelity.plan.resultTitle", { version: plan.planVersion })}
        >
          <Stack gap={4}>
            <Text size="sm">
              {plan.strategicArea} › {plan.subArea}
            </Text>
            <List size="sm">
              {plan.activities.map((a) => (
                <List.Item key={a.id}>{a.title}</List.Item>
              ))}
            </List>
            <Anchor
              component={Link}
              to={`/programmes/${plan.programmeId}/planning/action-plan/${plan.siteId}`}
              size="sm"
            >
              {t("measures.fidelity.plan.openPlanning")}
            </Anchor>
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TitledPanel title={t("measures.fidelity.scores")}>
          <Group gap="sm" align="baseline" mb="sm" data-testid="overall">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t("measures.fidelity.overall")}
            </Text>
            <Text fz={28} fw={700} lh={1}>
              {num(review.overall.score)}
            </Text>
            {review.overall.band && (
              <Tag color={cutoffColour(scale, review.overall.band)} variant="light" tt="none">
                {cutoffLabel(scale, review.overall.band)}
              </Tag>
            )}
          </Group>
          {review.levels.length > 1 &&
            review.levels.map((l) => (
              <Group key={l.level} gap="xs">
                <Text size="sm" w={120}>
                  {levelLabel(l.level)}
                </Text>
                <Text size="sm" fw={700}>
                  {num(l.score)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("measures.fidelity.itemsRated", { rated: l.itemsRated, items: l.items })}
                </Text>
                {l.band && (
                  <Tag size="sm" color={cutoffColour(scale, l.band)} variant="light" tt="none">
                    {cutoffLabel(scale, l.band)}
                  </Tag>
                )}
              </Group>
            ))}
        </TitledPanel>
        <TitledPanel title={t("measures.fidelity.agreement.title")}>
          <AgreementFacts agreement={review.agreement} />
        </TitledPanel>
      </SimpleGrid>
      <TitledPanel title={t("measures.fidelity.itemRatings")}>
        <ReviewItemsTable review={review} lowThreshold={lowThreshold} />
        {review.notes && (
          <Text size="sm" mt="sm">
            {review.notes}
          </Text>
        )}
      </TitledPanel>
      {planning && (
        <ActionPlanModal
          review={review}
          scale={scale}
          onClose={() => setPlanning(false)}
          onDone={(r) => {
            setPlan(r);
            setPlanning(false);
          }}
        />
      )}
    </Page>
  );
}
