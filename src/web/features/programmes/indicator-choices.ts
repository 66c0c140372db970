import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { CatalogueResponse } from "../../../server/indicators/schemas.ts";
import { get } from "../../app/api.ts";
import { useDefinitions } from "../indicators/public.ts";
import type { IndicatorChoice } from "./form-values.ts";

/**
 * The indicators a programme's targets may name: the built-ins for a programme being created
 * (it has none of its own yet), the built-ins and its own for an existing one.
 */
export function useIndicatorChoices(programmeId: number | null) {
  const catalogue = useQuery({
    queryKey: ["indicator-catalogue"],
    queryFn: () => get<z.infer<typeof CatalogueResponse>>("/api/indicator-catalogue"),
    enabled: programmeId === null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const own = useDefinitions(programmeId ?? 0, programmeId !== null);
  if (programmeId === null) {
    return {
      ...catalogue,
      data: catalogue.data?.definitions.map(
        (d): IndicatorChoice => ({
          id: d.id,
          label: d.label,
          kind: d.kind,
          direction: d.direction,
          builtIn: true,
        }),
      ),
    };
  }
  return {
    ...own,
    data: own.data?.map(
      (d): IndicatorChoice => ({
        id: d.id,
        label: d.meta.label,
        kind: d.meta.kind,
        direction: d.meta.direction,
        builtIn: d.builtIn,
      }),
    ),
  };
}
