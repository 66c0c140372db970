import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import {
  IconChevronDown,
  IconChevronRight,
  IconDatabaseCog,
  IconListCheck,
  IconShieldCheck,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.ts";
import { Fact } from "../../app/ui/fact.tsx";
import { calendarAriaLabels } from "../../app/ui/modal-date-field.tsx";
import { useFormat } from "../indicators/public.ts";
import { useRebuildFacts, useVerifyFacts } from "./api.ts";
import { durationSeconds } from "./outcome.ts";
import { OutcomeBadge } from "./outcome-badge.tsx";
import { RebuildModal } from "./rebuild-modal.tsx";
import { type Run, RunStatus } from "./run-status.tsx";
import type { ProgrammeFacts } from "./types.ts";
import { VerificationHistory } from "./verification-history.tsx";

const MAX_DATES = 12;

/**
 * One programme's facts: when they were built and how many enrolments they hold, the last
 * verification, "Verify now" (on chosen dates or the server's default ones), "Rebuild" (after
 * a confirmation), and the verification history.
 */
export function ProgrammeFactsCard({ programme }: { programme: ProgrammeFacts }) {
  const { t, i18n } = useTranslation();
  const when = useFormatDateTime();
  const f = useFormat();
  const number = new Intl.NumberFormat(i18n.language);
  const verify = useVerifyFacts(programme.id);
  const rebuild = useRebuildFacts(programme.id);
  const [dates, setDates] = useState<string[]>([]);
  const [run, setRun] = useState<Run | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const busy = run?.state === "running";
  const last = programme.lastVerification;
  const headingId = `facts-${programme.id}`;
  const historyId = `facts-history-${programme.id}`;

  const startVerify = () => {
    setRun({ action: "verify", state: "running" });
    verify.mutate([...dates].sort(), {
      onSuccess: (result) => setRun({ action: "verify", state: "done", result }),
      onError: (error) => setRun({ action: "verify", state: "failed", error }),
    });
  };
  const startRebuild = () => {
    setConfirming(false);
    setRun({ action: "rebuild", state: "running" });
    rebuild.mutate(undefined, {
      onSuccess: (result) => setRun({ action: "rebuild", state: "done", result }),
      onError: (error) => setRun({ action: "rebuild", state: "failed", error }),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" id={headingId}>
            {programme.code} — {programme.name}
          </Title>
          <OutcomeBadge verification={last} size="lg" />
        </Group>

        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Fact label={t("facts.builtAt")}>
            {programme.builtAt ? when(programme.builtAt) : t("facts.neverBuilt")}
          </Fact>
          <Fact label={t("facts.enrolments")}>{number.format(programme.enrolments)}</Fact>
          <Fact label={t("facts.lastVerification")}>
            {last ? (
              <>
                {t("facts.verifiedBy", { when: when(last.startedAt), who: last.startedBy })}
                <Text span size="xs" c="dimmed">
                  {" "}
                  (
                  {t("facts.took", {
                    seconds: number.format(durationSeconds(last.startedAt, last.finishedAt)),
                  })}
                  )
                </Text>
              </>
            ) : (
              t("facts.neverVerified")
            )}
          </Fact>
          {last && (
            <>
              <Fact label={t("facts.dates")}>{last.asOf.map((d) => f.date(d)).join(", ")}</Fact>
              <Fact label={t("facts.cells")}>{number.format(last.cells)}</Fact>
              <Fact label={t("facts.differences")}>{number.format(last.differences)}</Fact>
            </>
          )}
        </SimpleGrid>

        <Group align="flex-end" gap="sm" wrap="wrap">
          <DatePickerInput
            type="multiple"
            label={t("facts.verify.dates")}
            description={t("facts.verify.datesHint")}
            valueFormat="YYYY-MM-DD"
            value={dates}
            onChange={(v) => setDates(v.slice(0, MAX_DATES))}
            clearable
            clearButtonProps={{ "aria-label": t("facts.verify.clearDates") }}
            ariaLabels={calendarAriaLabels(t)}
            hideOutsideDates
            weekendDays={[]}
            disabled={busy}
            miw={260}
            maw={420}
          />
          <Button
            leftSection={<IconShieldCheck size={16} aria-hidden="true" />}
            onClick={startVerify}
            disabled={busy}
            loading={run?.action === "verify" && busy}
          >
            {t("facts.verify.button")}
            <span className="visually-hidden"> {programme.code}</span>
          </Button>
          <Button
            variant="default"
            leftSection={<IconDatabaseCog size={16} aria-hidden="true" />}
            onClick={() => setConfirming(true)}
            disabled={busy}
            loading={run?.action === "rebuild" && busy}
          >
            {t("facts.rebuild.button")}
            <span className="visually-hidden"> {programme.code}</span>
          </Button>
        </Group>

        <RunStatus programme={programme} run={run} />

        <div>
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={historyOpen}
            aria-controls={historyId}
            leftSection={
              historyOpen ? (
                <IconChevronDown size={14} aria-hidden="true" />
              ) : (
                <IconChevronRight size={14} aria-hidden="true" />
              )
            }
            rightSection={<IconListCheck size={14} aria-hidden="true" />}
            onClick={() => setHistoryOpen((o) => !o)}
          >
            {historyOpen ? t("facts.history.hide") : t("facts.history.show")}
            <span className="visually-hidden"> {programme.code}</span>
          </Button>
          <div id={historyId} hidden={!historyOpen}>
            {historyOpen && <VerificationHistory programme={programme} />}
          </div>
        </div>
      </Stack>
      <RebuildModal
        programme={programme}
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={startRebuild}
      />
    </Paper>
  );
}
