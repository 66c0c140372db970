import { Badge, Group, Paper, Progress, RingProgress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CatalogueType, TimelineEnrolment } from "../../../app/data/registry-types.ts";
import { daysBetween, useFormatDate } from "../dates.ts";
import { useTypeLabel } from "../labels.ts";

/**
 * One enrolment's start of care at a glance: where the early window stands (day n of 90), the
 * psychosocial interventions so far against the programme's threshold, what kinds of care, whether
 * the family was reached, and the plan. Green when the start is intensive; orange while it is
 * below the threshold; red when the window closed below it.
 */
export function EarlyWindowCard({
  enrolment: e,
  types,
}: {
  enrolment: TimelineEnrolment;
  types: CatalogueType[] | undefined;
}) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const typeLabel = useTypeLabel(types);
  const w = e.early;
  const length = daysBetween(w.start, w.end) + 1;
  const elapsed = w.countedUntil ? daysBetween(w.start, w.countedUntil) + 1 : 0;
  const color = w.intensive ? "teal" : w.closed ? "red" : "orange";
  const share = w.threshold > 0 ? Math.min(100, (w.psychosocial / w.threshold) * 100) : 100;
  const psychosocial = new Set((types ?? []).filter((x) => x.psychosocial).map((x) => x.code));
  const byType = Object.entries(w.byType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const headingId = `early-${e.id}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h5" id={headingId}>
              {e.programmeCode} · {e.siteCode}
            </Title>
            <Text size="xs" c="dimmed">
              {t("registry.early.enrolledOn", { date: date(e.enrolmentDate), code: e.code })}
              {e.endDate && ` · ${t("registry.early.endedOn", { date: date(e.endDate) })}`}
            </Text>
          </div>
          <Badge color={color} variant="light" tt="none" style={{ flexShrink: 0 }}>
            {w.intensive
              ? t("registry.early.intensive")
              : w.closed
                ? t("registry.early.closedBelow")
                : t("registry.early.below")}
          </Badge>
        </Group>

        <SimpleGrid type="container" cols={{ base: 1, "560px": 2 }} spacing="lg" verticalSpacing="sm">
          <Group wrap="nowrap" gap="md" align="center">
            <RingProgress
              size={96}
              thickness={10}
              roundCaps
              sections={[{ value: share, color }]}
              label={
                <Text ta="center" fw={700} size="lg">
                  {w.psychosocial}/{w.threshold}
                </Text>
              }
              aria-hidden="true"
            />
            <Stack gap={4} style={{ flex: 1 }}>
              <Text size="sm" fw={600}>
                {t("registry.early.psychosocial", { count: w.psychosocial, threshold: w.threshold })}
              </Text>
              {!w.intensive && !w.closed && (
                <Text size="sm" c="orange.9">
                  {t("registry.early.needed", {
                    count: w.threshold - w.psychosocial,
                    days: w.daysLeft,
                  })}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t("registry.early.total", { count: w.total })}
              </Text>
            </Stack>
          </Group>
          <Stack gap="xs" justify="center">
            <div>
              <Group justify="space-between" mb={4}>
                <Text size="sm" id={`${headingId}-days`}>
                  {w.closed
                    ? t("registry.early.closed", { date: date(w.end) })
                    : t("registry.early.day", { day: elapsed, length })}
                </Text>
                {!w.closed && (
                  <Text size="xs" c="dimmed">
                    {t("registry.early.daysLeft", { count: w.daysLeft })}
                  </Text>
                )}
              </Group>
              <Progress.Root size="sm">
                <Progress.Section
                  value={length > 0 ? (elapsed / length) * 100 : 0}
                  color={w.closed ? "gray.5" : "indigo"}
                  aria-labelledby={`${headingId}-days`}
                />
              </Progress.Root>
            </div>
            <Group gap="xs">
              <Badge variant="light" color={w.familyReached ? "teal" : "gray"} tt="none">
                {w.familyReached ? t("registry.early.familyReached") : t("registry.early.familyNotReached")}
              </Badge>
              <Badge
                variant="light"
                color={e.plans.latestPlanId === null ? "red" : e.plans.latestSigned ? "teal" : "orange"}
                tt="none"
              >
                {e.plans.latestPlanId === null
                  ? t("registry.early.noPlan")
                  : e.plans.latestSigned
                    ? t("registry.early.planSigned")
                    : t("registry.early.planNotSigned")}
              </Badge>
              <Badge variant="light" color={e.caseManagerCode ? "gray" : "red"} tt="none">
                {e.caseManagerCode
                  ? t("registry.early.caseManager", { code: e.caseManagerCode })
                  : t("registry.early.noCaseManager")}
              </Badge>
            </Group>
          </Stack>
        </SimpleGrid>

        {byType.length > 0 && (
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
              {t("registry.early.byType")}
            </Text>
            <Group gap={6}>
              {byType.map(([type, n]) => (
                <Badge
                  key={type}
                  variant={psychosocial.has(type) ? "light" : "outline"}
                  color={psychosocial.has(type) ? "indigo" : "gray.7"}
                  tt="none"
                  title={psychosocial.has(type) ? t("registry.early.psychosocialType") : undefined}
                >
                  {typeLabel(type)}: {n}
                </Badge>
              ))}
            </Group>
          </div>
        )}

        {e.overrideReason && (
          <Text size="xs" c="dimmed">
            {t("registry.early.override", { reason: e.overrideReason })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
