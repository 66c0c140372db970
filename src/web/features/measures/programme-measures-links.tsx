import { Button, Group } from "@mantine/core";
import { IconChartRadar, IconFilter, IconTrendingUp } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../app/ui/section-card.tsx";

/** On a programme's page: its outcomes, the fidelity comparison of its sites and the training funnel. */
export function ProgrammeMeasuresLinks({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const base = `/programmes/${programmeId}`;
  return (
    <SectionCard title={t("measures.links.programmeTitle")} hint={t("measures.links.programmeHint")}>
      <Group gap="xs">
        <Button
          component={Link}
          to={`${base}/outcomes`}
          variant="default"
          leftSection={<IconTrendingUp size={16} aria-hidden="true" />}
        >
          {t("measures.programmeOutcomes.nav")}
        </Button>
        <Button
          component={Link}
          to={`${base}/fidelity`}
          variant="default"
          leftSection={<IconChartRadar size={16} aria-hidden="true" />}
        >
          {t("measures.fidelity.comparison")}
        </Button>
        <Button
          component={Link}
          to={`${base}/training`}
          variant="default"
          leftSection={<IconFilter size={16} aria-hidden="true" />}
        >
          {t("measures.funnel.nav")}
        </Button>
      </Group>
    </SectionCard>
  );
}
