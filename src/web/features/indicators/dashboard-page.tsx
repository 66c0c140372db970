import { Alert, Group, Stack } from "@mantine/core";
import { IconEyeOff } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Page, QueryView } from "../../app/page.tsx";
import { useIndicators } from "./api.ts";
import { useAsOf, useDashboardHref, useProgrammeId } from "./as-of.ts";
import { AsOfPicker } from "./as-of-picker.tsx";
import { type DashboardTab, DashboardTabs } from "./dashboard-tabs.tsx";
import { type DashboardModel, modelOf } from "./model.ts";

/** Everything a view needs: the programme's indicators as of the chosen date, indexed. */
export interface DashboardContext {
  programmeId: number;
  asOf: string;
  model: DashboardModel;
  /** A new date's values are on their way (the previous ones are still shown). */
  refreshing: boolean;
}

/** Load the programme's indicators once for the view (shared by every view through the cache). */
export function WithIndicators({ children }: { children: (ctx: DashboardContext) => ReactNode }) {
  const programmeId = useProgrammeId();
  const { asOf } = useAsOf();
  const query = useIndicators(programmeId, asOf);
  return (
    <QueryView query={query}>
      {(data) =>
        children({
          programmeId,
          asOf,
          model: modelOf(data),
          refreshing: query.isFetching && query.isPlaceholderData,
        })
      }
    </QueryView>
  );
}

/**
 * A dashboard page: breadcrumbs back to the programme, the view's heading, the as-of date
 * and the views; for viewers, a note that small cells are suppressed.
 */
export function DashboardPage({
  ctx,
  tab,
  title,
  subtitle,
  crumb,
  actions,
  children,
}: {
  ctx: DashboardContext;
  tab: DashboardTab | null;
  title: string;
  subtitle?: ReactNode;
  /** The last breadcrumb, when it is not the view's tab. */
  crumb?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const href = useDashboardHref();
  const { programme, suppression } = ctx.model.data;
  return (
    <Page
      title={title}
      subtitle={subtitle}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("dashboard.title"), to: href() },
        { label: crumb ?? (tab ? t(`dashboard.tabs.${tab}`) : title) },
      ]}
      actions={
        <Group gap="sm" align="flex-end">
          {actions}
          <AsOfPicker refreshing={ctx.refreshing} />
        </Group>
      }
    >
      <Stack gap="md">
        <DashboardTabs current={tab} />
        {suppression && (
          <Alert variant="light" color="gray" icon={<IconEyeOff aria-hidden="true" />} py="xs">
            {t("dashboard.suppressionNote")}
          </Alert>
        )}
        {children}
      </Stack>
    </Page>
  );
}
