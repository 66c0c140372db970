import { Alert, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Fact } from "../../app/ui/fact.tsx";
import type { AnalysisTest } from "./types.ts";

type Num = (n: number | null | undefined, decimals?: number) => string;

/** The p-value as journals print it: "< 0.001" below a thousandth. */
export const pText = (p: number, num: Num) => (p < 0.001 ? `< ${num(0.001, 3)}` : num(p, 3));

/** One test's answer: statistic, df, p, effect and estimate with their 95 % CI — or why it was refused. */
export function TestResult({ test, groupLabel, num }: { test: AnalysisTest; groupLabel: string; num: Num }) {
  const { t } = useTranslation();
  const r = test.result;
  const title = `${t(`analysis.tests.${r.test}`, { defaultValue: r.test })} · ${groupLabel}`;
  if (!r.ok) {
    const params = Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, String(v)]));
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden="true" />}
        title={title}
      >
        <Text size="sm" data-testid="analysis-refusal">
          {t(`analysis.refusals.${r.reason}`, { ...params, defaultValue: r.reason })}
        </Text>
      </Alert>
    );
  }
  const ci = (c: [number, number] | undefined) => (c ? ` [${num(c[0], 3)}; ${num(c[1], 3)}]` : "");
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Fact label={t("analysis.result.statistic")}>{num(r.statistic, 3)}</Fact>
          <Fact label={t("analysis.result.df")}>
            {r.df === undefined
              ? "—"
              : Array.isArray(r.df)
                ? r.df.map((d) => num(d, 2)).join(", ")
                : num(r.df, 2)}
          </Fact>
          <Fact label={t("analysis.result.p")}>{pText(r.p, num)}</Fact>
          <Fact label="n">{num(r.n)}</Fact>
          {r.effect && (
            <Fact label={t(`analysis.effects.${r.effect.name}`, { defaultValue: r.effect.name })}>
              {num(r.effect.value, 3)}
              {ci(r.effect.ci)}
            </Fact>
          )}
          {r.estimate && (
            <Fact label={t(`analysis.effects.${r.estimate.name}`, { defaultValue: r.estimate.name })}>
              {num(r.estimate.value, 3)}
              {ci(r.estimate.ci)}
            </Fact>
          )}
        </SimpleGrid>
        {r.notes.map((n) => (
          <Text key={n} size="sm" c="dimmed">
            {t(`analysis.notes.${n.split(":")[0]}`, { count: Number(n.split(":")[1] ?? 0), defaultValue: n })}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
