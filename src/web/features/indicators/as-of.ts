import { useCallback } from "react";
import { useParams, useSearchParams } from "react-router";
import { todayIso } from "../../app/today.ts";

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The reference date of every view, kept in the address (`?asOf=YYYY-MM-DD`) so it survives
 * switching views, reloading and sharing a link. Absent or malformed: today (UTC, as the server).
 */
export function useAsOf(): { asOf: string; isToday: boolean; setAsOf: (date: string | null) => void } {
  const [params, setParams] = useSearchParams();
  const raw = params.get("asOf");
  const today = todayIso();
  const asOf = raw && CIVIL_DATE.test(raw) ? raw : today;
  const setAsOf = useCallback(
    (date: string | null) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (date && date !== todayIso()) next.set("asOf", date);
          else next.delete("asOf");
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { asOf, isToday: asOf === today, setAsOf };
}

/** The programme of the dashboard, from the address. */
export function useProgrammeId(): number {
  return Number(useParams().id);
}

/** Links inside one programme's dashboard, carrying the reference date along. */
export function useDashboardHref(): (path?: string, extra?: Record<string, string>) => string {
  const id = useProgrammeId();
  const [params] = useSearchParams();
  const asOf = params.get("asOf");
  return useCallback(
    (path = "", extra = {}) => {
      const q = new URLSearchParams(extra);
      if (asOf) q.set("asOf", asOf);
      const s = q.toString();
      return `/programmes/${id}/dashboard${path}${s ? `?${s}` : ""}`;
    },
    [id, asOf],
  );
}
