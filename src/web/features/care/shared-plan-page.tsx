import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageQuery } from "../../app/guards.tsx";
import { Page } from "../../app/page.tsx";
import { useSharedPlan } from "./api.ts";
import { CarePlanView, CrisisPlanView } from "./plan-views.tsx";

/**
 * One patient's plans as the service they consented to share them with reads them: the plans'
 * content only. The server checks consent on this very read; without it the page says so.
 */
export function SharedPlanPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const plan = useSharedPlan(id);
  return (
    <Page
      title={t("care.shared.planTitle", { code: plan.data?.patientCode ?? "…" })}
      crumbs={[
        { label: t("care.shared.title"), to: "/care/shared" },
        { label: plan.data?.patientCode ?? "…" },
      ]}
    >
      <PageQuery query={plan}>
        {(p) => (
          <Stack gap="lg">
            <Text size="sm">
              {t("care.shared.through", {
                services: p.services.map((s) => `${s.name} (${t(`care.scope.${s.scope}`)})`).join("; "),
              })}
            </Text>
            <Stack gap="xs" component="section" aria-labelledby="shared-crisis-title">
              <Title order={2} size="h4" id="shared-crisis-title">
                {t("care.crisis.title")}
              </Title>
              {p.crisisPlan ? (
                <CrisisPlanView plan={p.crisisPlan} />
              ) : (
                <Text size="sm" c="dimmed">
                  {p.carePlans !== null &&
                  p.crisisPlan === null &&
                  !p.services.some((s) => s.scope !== "care_plan")
                    ? t("care.shared.notShared")
                    : t("care.crisis.none")}
                </Text>
              )}
            </Stack>
            <Stack gap="xs" component="section" aria-labelledby="shared-care-title">
              <Title order={2} size="h4" id="shared-care-title">
                {t("care.carePlan.title")}
              </Title>
              {p.carePlans === null ? (
                <Text size="sm" c="dimmed">
                  {t("care.shared.notShared")}
                </Text>
              ) : p.carePlans.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("care.carePlan.empty")}
                </Text>
              ) : (
                p.carePlans.map((c) => <CarePlanView key={c.planId} plan={c} headingLevel={3} />)
              )}
            </Stack>
          </Stack>
        )}
      </PageQuery>
    </Page>
  );
}
