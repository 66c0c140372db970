import { SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatNumber } from "../labels.ts";
import type { ReviewSummary } from "../types.ts";

function Fact({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="lg" fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}

/** Agreement between the raters over the items they all rated: exact, within one point, ICC(2,1). */
export function AgreementFacts({ agreement: a }: { agreement: ReviewSummary["agreement"] }) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const pct = (x: number | null) => (x === null ? "—" : `${num(x * 100, 0)} %`);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="agreement">
      <Fact
        label={t("measures.fidelity.agreement.raters")}
        value={String(a.raters)}
        hint={t("measures.fidelity.agreement.itemsByAll", { count: a.itemsRatedByAll })}
      />
      <Fact label={t("measures.fidelity.agreement.exact")} value={pct(a.exactAgreement)} />
      <Fact label={t("measures.fidelity.agreement.withinOne")} value={pct(a.withinOneAgreement)} />
      <Fact
        label={t("measures.fidelity.agreement.icc")}
        value={a.icc === null ? "—" : num(a.icc, 2)}
        hint={
          a.icc === null ? t("measures.fidelity.agreement.iccNone") : t("measures.fidelity.agreement.iccHint")
        }
      />
    </SimpleGrid>
  );
}
