import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { del, get, post } from "../../../app/api.ts";
import { useWrite } from "../../../app/mutations.ts";
import { planningBase, planningKeys } from "../api.ts";
import { artefactPath, type Scope } from "../scope.ts";
import type { ChainView } from "./types.ts";

/**
 * The chain of a scope (`?focus=kind:key` follows it from one element both ways). While another
 * focus loads, the page keeps showing the last chain instead of unmounting its picker.
 */
export const useChain = (programmeId: number, scope: Scope, focus: string | null) =>
  useQuery({
    queryKey: [...planningKeys.programme(programmeId), "chain", scope.siteId, focus],
    queryFn: () =>
      get<ChainView>(
        `${planningBase(programmeId)}/${artefactPath("chain", scope)}${focus ? `?focus=${encodeURIComponent(focus)}` : ""}`,
      ),
    placeholderData: keepPreviousData,
  });

export interface NewLink {
  from: { kind: string; key: string };
  to: { kind: string; key: string };
}

export const useAddLink = (programmeId: number, scope: Scope) =>
  useWrite(
    (body: NewLink) =>
      post<{ id: number }>(`${planningBase(programmeId)}/${artefactPath("chain", scope)}/links`, body),
    [planningKeys.programme(programmeId)],
  );

export const useRemoveLink = (programmeId: number, scope: Scope) =>
  useWrite(
    (id: number) =>
      del<{ ok: true }>(`${planningBase(programmeId)}/${artefactPath("chain", scope)}/links/${id}`),
    [planningKeys.programme(programmeId)],
  );
