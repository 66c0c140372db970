import { Alert, Group, Loader, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/page.tsx";
import { outcomeOf } from "./outcome.ts";
import type { ProgrammeFacts, RebuildResult, Verification } from "./types.ts";
import { useElapsedSeconds } from "./use-elapsed.ts";

/** What the last action on a programme's facts is doing or did. */
export type Run =
  | { action: "verify"; state: "running" }
  | { action: "verify"; state: "done"; result: Verification }
  | { action: "rebuild"; state: "running" }
  | { action: "rebuild"; state: "done"; result: RebuildResult }
  | { action: "verify" | "rebuild"; state: "failed"; error: unknown };

/**
 * A verification or rebuild in progress (with the seconds it has taken so far: a region takes
 * a while), then its result. Announced politely to screen readers; the counter is not.
 */
export function RunStatus({ programme, run }: { programme: ProgrammeFacts; run: Run | null }) {
  const { t, i18n } = useTranslation();
  const seconds = useElapsedSeconds(run?.state === "running");
  const number = new Intl.NumberFormat(i18n.language);
  const code = programme.code;
  return (
    <div aria-live="polite">
      {run?.state === "running" && (
        <Group gap="sm" role="status" data-testid="facts-running">
          <Loader size="sm" aria-hidden="true" />
          <Text size="sm">{t(`facts.${run.action}.running`, { code })}</Text>
          <Text size="sm" c="dimmed" aria-hidden="true">
            {t("facts.elapsed", { seconds })}
          </Text>
        </Group>
      )}
      {run?.state === "failed" && <ErrorAlert error={run.error} />}
      {run?.state === "done" && run.action === "rebuild" && (
        <Alert color="teal" variant="light" icon={<IconRefresh aria-hidden="true" />}>
          {t("facts.rebuild.done", {
            code,
            count: run.result.enrolments,
            n: number.format(run.result.enrolments),
            ms: number.format(run.result.ms),
          })}
        </Alert>
      )}
      {run?.state === "done" && run.action === "verify" && <VerifyResult code={code} result={run.result} />}
    </div>
  );
}

function VerifyResult({ code, result }: { code: string; result: Verification }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const cells = number.format(result.cells);
  const outcome = outcomeOf(result);
  const [color, Icon, title, body] =
    outcome === "ok"
      ? ["teal", IconCircleCheck, t("facts.verify.okTitle"), t("facts.verify.ok", { code, cells })]
      : outcome === "missing"
        ? ["red", IconAlertTriangle, t("facts.verify.missingTitle"), t("facts.verify.missing", { code })]
        : [
            "red",
            IconCircleX,
            t("facts.verify.differencesTitle"),
            t("facts.verify.differences", {
              code,
              count: result.differences,
              n: number.format(result.differences),
            }),
          ];
  return (
    <Alert color={color} variant="light" icon={<Icon aria-hidden="true" />} title={title}>
      {body}
    </Alert>
  );
}
