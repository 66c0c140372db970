import { useQuery } from "@tanstack/react-query";
import { get } from "../../../app/api.ts";
import { programmeKeys } from "../../../app/data/programmes.ts";
import type { Programme } from "../../../app/types.ts";
import type { FidelityScale } from "../types.ts";
import { defaultScale } from "./default-scale.ts";

/**
 * The code of the scale a programme's fidelity pages open on (the scale of its practice), or
 * `undefined` while the programme is still loading. Without a programme, the general scale.
 */
export function useDefaultScale(scales: FidelityScale[], programmeId: number | null): string | undefined {
  const programme = useQuery({
    queryKey: programmeKeys.one(programmeId ?? 0),
    queryFn: () => get<Programme>(`/api/programmes/${programmeId}`),
    enabled: programmeId !== null,
  });
  if (programmeId === null) return defaultScale(scales, null)?.code;
  if (programme.isPending) return undefined;
  // A programme the user cannot read (or that is gone) still gets a scale: the general one.
  return defaultScale(scales, programme.data?.practice.code ?? null)?.code;
}
