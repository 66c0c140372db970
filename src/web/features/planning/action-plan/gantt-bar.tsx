import { type KeyboardEvent, type PointerEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCivilDate } from "../format.ts";
import type { Activity } from "../types.ts";
import type { GanttScale } from "./gantt-scale.ts";
import { STATUS_COLOR } from "./plan-model.ts";

/**
 * One activity on the timeline. Drag it sideways (or use the arrow keys: a day, a week with
 * Shift) to move it in time; click or Enter to change it.
 */
export function GanttBar({
  activity,
  overdue,
  scale,
  canEdit,
  onShift,
  onOpen,
}: {
  activity: Activity;
  overdue: boolean;
  scale: GanttScale;
  canEdit: boolean;
  onShift: (days: number) => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const date = useCivilDate();
  const drag = useRef<{ x: number; moved: boolean } | null>(null);
  const [dx, setDx] = useState(0);
  const left = scale.x(activity.start);
  const width = Math.max(scale.pxPerDay, scale.x(activity.end) - left + scale.pxPerDay);
  const color = STATUS_COLOR[activity.status];

  const down = (e: PointerEvent<HTMLButtonElement>) => {
    if (!canEdit || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, moved: false };
  };
  const move = (e: PointerEvent<HTMLButtonElement>) => {
    if (!drag.current) return;
    const d = e.clientX - drag.current.x;
    if (Math.abs(d) > 3) drag.current.moved = true;
    setDx(d);
  };
  const up = (e: PointerEvent<HTMLButtonElement>) => {
    if (!drag.current) return;
    const moved = drag.current.moved;
    const days = Math.round((e.clientX - drag.current.x) / scale.pxPerDay);
    drag.current = null;
    setDx(0);
    if (moved && days !== 0) onShift(days);
    else if (!moved) onOpen();
  };
  const key = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!canEdit || (e.key !== "ArrowLeft" && e.key !== "ArrowRight")) return;
    e.preventDefault();
    onShift((e.key === "ArrowLeft" ? -1 : 1) * (e.shiftKey ? 7 : 1));
  };
  const label = t("planning.plan.barLabel", {
    title: activity.title,
    start: date(activity.start),
    end: date(activity.end),
    status: t(`planning.plan.status.${activity.status}`),
  });

  return (
    <button
      type="button"
      className="gantt-bar"
      aria-label={overdue ? `${label} · ${t("planning.plan.overdue")}` : label}
      aria-describedby={canEdit ? "gantt-help" : undefined}
      data-overdue={overdue || undefined}
      data-start={activity.start}
      data-end={activity.end}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={() => {
        drag.current = null;
        setDx(0);
      }}
      onClick={(e) => {
        // Pointer clicks are handled on pointer up; this is Enter or Space.
        if (e.detail === 0) onOpen();
      }}
      onKeyDown={key}
      style={{
        position: "absolute",
        top: 6,
        left: left + dx,
        width,
        height: 24,
        borderRadius: 4,
        border: overdue
          ? "2px solid var(--mantine-color-red-8)"
          : `1px solid var(--mantine-color-${color}-7)`,
        background: `var(--mantine-color-${color}-2)`,
        color: "var(--mantine-color-dark-9)",
        cursor: canEdit ? "grab" : "pointer",
        fontSize: 12,
        padding: "0 6px",
        textAlign: "left",
        overflow: "hidden",
        whiteSpace: "nowrap",
        textOverflow: "ellipsis",
        touchAction: "none",
      }}
    >
      {overdue ? `⚑ ${activity.title}` : activity.title}
    </button>
  );
}
