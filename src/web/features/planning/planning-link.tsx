import { Button } from "@mantine/core";
import { IconRoute } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../app/ui/section-card.tsx";
import { planningUrl } from "./scope.ts";

/** On a programme's page: the way into its implementation plan. */
export function PlanningLink({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t("planning.title")} hint={t("planning.openHint")}>
      <Button
        component={Link}
        to={planningUrl(programmeId)}
        leftSection={<IconRoute size={16} aria-hidden="true" />}
      >
        {t("planning.open")}
      </Button>
    </SectionCard>
  );
}
