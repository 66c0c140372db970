import { Button } from "@mantine/core";
import { IconMathFunction } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../app/ui/section-card.tsx";

/** On a programme's page: its statistical analysis (everyone who reads the programme may run one). */
export function AnalysisLink({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t("analysis.nav")} hint={t("analysis.linkHint")}>
      <Button
        component={Link}
        to={`/programmes/${programmeId}/analysis`}
        variant="default"
        leftSection={<IconMathFunction size={16} aria-hidden="true" />}
      >
        {t("analysis.open")}
      </Button>
    </SectionCard>
  );
}
