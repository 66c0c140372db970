import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { canUseRegistryAt } from "../../app/data/registry-access.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { useFormatDate } from "../registry/public.ts";
import { useDataQuality } from "./api.ts";
import { DataQualityTable } from "./data-quality-table.tsx";

/** The data-quality worklist: records to complete, counted per site of the user's sites. */
export function DataQualityPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const overview = useDataQuality();
  const date = useFormatDate();
  return (
    <Page title={t("home.quality.pageTitle")} subtitle={t("home.quality.subtitle")}>
      <QueryView query={overview}>
        {(o) => (
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed" mb="xs">
              {t("home.asOf", { date: date(o.asOf) })}
            </Text>
            <DataQualityTable sites={o.sites} canOpen={(id) => canUseRegistryAt(me, id)} />
          </Paper>
        )}
      </QueryView>
    </Page>
  );
}
