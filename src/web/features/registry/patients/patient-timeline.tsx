import {
  Button,
  Chip,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CatalogueType, TimelineEvent } from "../../../app/data/registry-types.ts";
import { useFormatDate, useFormatMonth } from "../dates.ts";
import { EVENT_ICONS, TimelineEventBody } from "./timeline-event.tsx";

type Filter = "enrolment" | "intervention" | "group_session" | "assessment" | "plan_version";
const FILTERS: Filter[] = ["enrolment", "intervention", "group_session", "assessment", "plan_version"];
const filterOf = (e: TimelineEvent): Filter => (e.kind === "enrolment_end" ? "enrolment" : e.kind);
const PAGE = 80;

/**
 * The patient's one chronological timeline — enrolments, interventions, group sessions,
 * assessments and plan versions — by month, with filters by kind, psychosocial care only, and
 * order (newest first by default).
 */
export function PatientTimeline({ events, types }: { events: TimelineEvent[]; types?: CatalogueType[] }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const month = useFormatMonth();
  const [kinds, setKinds] = useState<string[]>(FILTERS);
  const [psychosocialOnly, setPsychosocialOnly] = useState(false);
  const [order, setOrder] = useState<"newest" | "oldest">("newest");
  const [limit, setLimit] = useState(PAGE);

  const shown = useMemo(() => {
    const kept = events.filter(
      (e) =>
        kinds.includes(filterOf(e)) &&
        (!psychosocialOnly || ((e.kind === "intervention" || e.kind === "group_session") && e.psychosocial)),
    );
    return order === "newest" ? [...kept].reverse() : kept;
  }, [events, kinds, psychosocialOnly, order]);
  const visible = shown.slice(0, limit);
  const months: Array<{ month: string; events: TimelineEvent[] }> = [];
  for (const e of visible) {
    const m = e.date.slice(0, 7);
    const last = months[months.length - 1];
    if (last?.month === m) last.events.push(e);
    else months.push({ month: m, events: [e] });
  }
  const counts = Object.fromEntries(FILTERS.map((f) => [f, events.filter((e) => filterOf(e) === f).length]));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-title">
      <Stack>
        <Title order={2} size="h4" id="timeline-title">
          {t("registry.timeline.title")}
        </Title>
        <Group justify="space-between" align="flex-end" gap="sm">
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="visually-hidden">{t("registry.timeline.show")}</legend>
            <Chip.Group multiple value={kinds} onChange={setKinds}>
              <Group gap={6}>
                {FILTERS.map((f) => (
                  <Chip key={f} value={f} size="sm" variant="outline">
                    {t(`registry.timeline.filters.${f}`)} ({counts[f]})
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </fieldset>
          <Group gap="md">
            <Switch
              label={t("registry.timeline.psychosocialOnly")}
              checked={psychosocialOnly}
              onChange={(e) => setPsychosocialOnly(e.currentTarget.checked)}
            />
            <SegmentedControl
              aria-label={t("registry.timeline.order")}
              size="xs"
              value={order}
              onChange={(v) => setOrder(v as "newest" | "oldest")}
              data={[
                { value: "newest", label: t("registry.timeline.newest") },
                { value: "oldest", label: t("registry.timeline.oldest") },
              ]}
            />
          </Group>
        </Group>
        <Text size="sm" c="dimmed" aria-live="polite">
          {t("registry.timeline.count", { count: shown.length, total: events.length })}
        </Text>
        {months.map((m) => (
          <section key={m.month} aria-label={month(m.month)}>
            <Title order={3} size="h6" c="dimmed" tt="uppercase" mb="xs">
              {month(m.month)}
            </Title>
            <Timeline bulletSize={26} lineWidth={2} mb="md">
              {m.events.map((e, i) => {
                const Icon = EVENT_ICONS[e.kind];
                return (
                  <Timeline.Item
                    // biome-ignore lint/suspicious/noArrayIndexKey: events of a day have no id of their own in common
                    key={`${e.kind}-${e.date}-${i}`}
                    bullet={<Icon size={14} aria-hidden="true" />}
                    title={
                      <Text size="xs" c="dimmed">
                        {date(e.date)}
                      </Text>
                    }
                  >
                    <TimelineEventBody event={e} types={types} />
                  </Timeline.Item>
                );
              })}
            </Timeline>
          </section>
        ))}
        {shown.length > limit && (
          <Button
            variant="default"
            onClick={() => setLimit(limit + PAGE * 4)}
            style={{ alignSelf: "flex-start" }}
          >
            {t("registry.timeline.more", { count: shown.length - limit })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
