import { Alert, Group, List, Text, ThemeIcon } from "@mantine/core";
import { IconCheck, IconQuestionMark, IconShieldCheck, IconShieldX, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { EligibilityCheck, EligibilityResult } from "../../../app/data/registry-types.ts";

/** Alert titles in the text colour: the tinted colours miss 4.5:1 on their light backgrounds. */
const TITLE = { title: { color: "var(--mantine-color-text)" } };

function CheckIcon({ ok }: { ok: boolean | null }) {
  const Icon = ok === true ? IconCheck : ok === false ? IconX : IconQuestionMark;
  const color = ok === true ? "teal.8" : ok === false ? "red.8" : "gray.7";
  return (
    <ThemeIcon size={22} radius="xl" color={color} variant="filled" aria-hidden="true">
      <Icon size={14} />
    </ThemeIcon>
  );
}

/**
 * The programme's eligibility checks as the server worked them out: each rule met, not met or
 * unknown (missing data), with the server's detail; eligible only when every check is met.
 */
export function EligibilityView({ result, pending }: { result: EligibilityResult; pending?: boolean }) {
  const { t } = useTranslation();
  const status = (c: EligibilityCheck) =>
    c.ok === true
      ? t("registry.eligibility.met")
      : c.ok === false
        ? t("registry.eligibility.notMet")
        : t("registry.eligibility.unknown");
  return (
    <Alert
      color={result.eligible ? "teal" : "orange"}
      variant="light"
      icon={result.eligible ? <IconShieldCheck aria-hidden="true" /> : <IconShieldX aria-hidden="true" />}
      title={result.eligible ? t("registry.eligibility.eligible") : t("registry.eligibility.notEligible")}
      aria-live="polite"
      styles={TITLE}
      aria-busy={pending || undefined}
      data-testid="eligibility"
    >
      <List spacing={6} listStyleType="none" p={0}>
        {result.checks.map((c) => (
          <List.Item key={c.rule}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <CheckIcon ok={c.ok} />
              <div>
                <Text size="sm" fw={600}>
                  {t(`registry.eligibility.rules.${c.rule}`)}: {status(c)}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.detail}
                </Text>
              </div>
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
