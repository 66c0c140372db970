import { Alert, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Page, QueryView } from "../../app/page.tsx";
import { useFactsStatus } from "./api.ts";
import { ProgrammeFactsCard } from "./programme-facts-card.tsx";

/**
 * `/admin/indicator-facts` (administrators): each programme's indicator facts — built when,
 * verified when and with what result — with "Verify now", "Rebuild" and the history.
 */
export function IndicatorFactsPage() {
  const { t } = useTranslation();
  const status = useFactsStatus();
  return (
    <Page title={t("facts.title")} subtitle={t("facts.subtitle")}>
      <Alert variant="light" color="indigo" icon={<IconInfoCircle aria-hidden="true" />}>
        <Stack gap={4}>
          <Text size="sm">{t("facts.intro")}</Text>
          <Text size="sm">{t("facts.schedule")}</Text>
        </Stack>
      </Alert>
      <QueryView query={status}>
        {({ programmes }) =>
          programmes.length === 0 ? (
            <Text c="dimmed">{t("facts.none")}</Text>
          ) : (
            <Stack gap="md">
              {programmes.map((p) => (
                <ProgrammeFactsCard key={p.id} programme={p} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Page>
  );
}
