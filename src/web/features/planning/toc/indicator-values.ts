import { useMemo } from "react";
import { todayIso } from "../../../app/today.ts";
import { useFormat, useIndicators } from "../../indicators/public.ts";
import type { PlanningProgramme } from "../use-planning-programme.ts";

export interface IndicatorValue {
  id: string;
  label: string;
  /** The value today at the scope, as the dashboard shows it ("65.4%", "<5", "no data"). */
  shown: string;
}

/**
 * The indicator engine's catalogue (built-in and user indicators) and each one's live value
 * today at the region level or at one site, for the nodes of a Theory of Change.
 */
export function useIndicatorValues(programme: PlanningProgramme, siteId: number | null) {
  const query = useIndicators(programme.id, todayIso());
  const format = useFormat();
  const siteCode = siteId === null ? null : (programme.sites.find((s) => s.siteId === siteId)?.code ?? null);
  return useMemo(() => {
    const data = query.data;
    const byId = new Map<string, IndicatorValue>();
    if (!data) return { catalogue: [] as IndicatorValue[], byId, error: query.error };
    for (const d of data.definitions) {
      const cell = data.indicators.find((r) => r.id === d.id && r.site === siteCode);
      byId.set(d.id, {
        id: d.id,
        label: d.label,
        shown: cell ? format.value(d.kind, cell) : format.value(d.kind, { value: null, suppressed: false }),
      });
    }
    return { catalogue: [...byId.values()], byId, error: null };
  }, [query.data, query.error, siteCode, format]);
}
