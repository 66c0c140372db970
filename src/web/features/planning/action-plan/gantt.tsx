import { Box, Text } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { ActionPlanContent } from "../types.ts";
import { GanttBar } from "./gantt-bar.tsx";
import { ganttScale } from "./gantt-scale.ts";
import { activitiesOf, isOverdue, type Located } from "./plan-model.ts";

const LABEL = 280;
const ROW = 36;

/** The action plan on a timeline: one row per activity under its sub-area, months above, today marked. */
export function Gantt({
  plan,
  today,
  canEdit,
  onShift,
  onOpen,
}: {
  plan: ActionPlanContent;
  today: string;
  canEdit: boolean;
  onShift: (id: string, days: number) => void;
  onOpen: (located: Located) => void;
}) {
  const { t, i18n } = useTranslation();
  const located = activitiesOf(plan);
  if (located.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t("planning.plan.noActivities")}
      </Text>
    );
  const scale = ganttScale(
    located.flatMap((l) => [l.activity.start, l.activity.end]),
    today,
  );
  const month = new Intl.DateTimeFormat(i18n.language, { month: "short", year: "numeric", timeZone: "UTC" });
  const todayX = scale.x(today);
  const groups = new Map<string, Located[]>();
  for (const l of located) {
    const key = `${l.areaTitle} › ${l.subTitle}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return (
    <Box style={{ overflowX: "auto", border: "1px solid var(--mantine-color-gray-3)", borderRadius: 4 }}>
      <Text id="gantt-help" className="visually-hidden">
        {t("planning.plan.ganttHelp")}
      </Text>
      <section
        aria-label={t("planning.plan.timeline")}
        style={{ position: "relative", width: LABEL + scale.width, minWidth: "100%" }}
      >
        <div
          aria-hidden="true"
          style={{ display: "flex", height: 28, borderBottom: "1px solid var(--mantine-color-gray-3)" }}
        >
          <div
            style={{
              width: LABEL,
              flexShrink: 0,
              position: "sticky",
              left: 0,
              background: "var(--mantine-color-body)",
              zIndex: 2,
            }}
          />
          <div style={{ position: "relative", width: scale.width }}>
            {scale.months.map((m) => (
              <div
                key={m.iso}
                style={{
                  position: "absolute",
                  left: m.x,
                  width: m.width,
                  top: 0,
                  bottom: 0,
                  borderLeft: "1px solid var(--mantine-color-gray-3)",
                  fontSize: 11,
                  padding: "6px 4px",
                  color: "var(--mantine-color-dimmed)",
                  overflow: "hidden",
                  whiteSpace: "nowrap",
                }}
              >
                {month.format(new Date(`${m.iso}T00:00:00Z`))}
              </div>
            ))}
          </div>
        </div>
        {[...groups.entries()].map(([group, rows]) => (
          <Fragment key={group}>
            <div
              style={{
                display: "flex",
                background: "var(--mantine-color-gray-0)",
                borderBottom: "1px solid var(--mantine-color-gray-2)",
              }}
            >
              <Text
                size="xs"
                fw={700}
                px="xs"
                py={4}
                style={{ position: "sticky", left: 0, width: LABEL + scale.width }}
              >
                {group}
              </Text>
            </div>
            {rows.map((l) => (
              <div
                key={l.activity.id || `${l.area}-${l.sub}-${l.index}`}
                style={{
                  display: "flex",
                  height: ROW,
                  borderBottom: "1px solid var(--mantine-color-gray-2)",
                }}
              >
                <Text
                  size="sm"
                  px="xs"
                  truncate
                  style={{
                    width: LABEL,
                    flexShrink: 0,
                    lineHeight: `${ROW}px`,
                    position: "sticky",
                    left: 0,
                    background: "var(--mantine-color-body)",
                    zIndex: 1,
                  }}
                >
                  {l.activity.title}
                </Text>
                <div style={{ position: "relative", width: scale.width }}>
                  <GanttBar
                    activity={l.activity}
                    overdue={isOverdue(l.activity, today)}
                    scale={scale}
                    canEdit={canEdit}
                    onShift={(days) => onShift(l.activity.id, days)}
                    onOpen={() => onOpen(l)}
                  />
                </div>
              </div>
            ))}
          </Fragment>
        ))}
        <div
          aria-hidden="true"
          title={t("planning.plan.today")}
          style={{
            position: "absolute",
            top: 0,
            bottom: 0,
            left: LABEL + todayX,
            width: 2,
            background: "var(--mantine-color-red-6)",
            zIndex: 0,
            pointerEvents: "none",
          }}
        />
      </section>
    </Box>
  );
}
