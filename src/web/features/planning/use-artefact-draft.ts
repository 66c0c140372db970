import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../app/api.ts";
import type { FormErrorOptions } from "../../app/form-errors.ts";
import { useVersionedDraft } from "../../app/ui/use-versioned-draft.tsx";
import { planningBase, planningKeys, useSaveArtefact } from "./api.ts";
import type { ArtefactDocument } from "./types.ts";

/**
 * The editors show problems next to the item they concern (`items.3.text`, `edges.2`); what
 * concerns a whole list (`answers`: a required question unanswered) or the version (a stale
 * save) is the general message.
 */
export const insideAnItem = (p: string) => /^[A-Za-z]+\.\d+/.test(p);

const contentOf = <C>(d: ArtefactDocument<C>) => d.content;

/**
 * The editing state of one artefact: the kit's versioned draft (`app/ui/use-versioned-draft.tsx`)
 * over the artefact's API. When someone else saved meanwhile the server answers 409
 * `stale_version`: the draft stays as the user left it (nothing is lost) and `reload()` loads the
 * latest version when they choose to. Each save answers with the new version, the next draft's
 * start. `ArtefactFrame` renders the unsaved-changes guard.
 */
export function useArtefactDraft<C, B extends object>({
  programmeId,
  path,
  doc,
  toBody,
  isShown = insideAnItem,
  errorOptions,
}: {
  programmeId: number;
  path: string;
  doc: ArtefactDocument<C>;
  /** The save body (without `baseVersion`) from the draft: drops derived, read-only fields. */
  toBody: (draft: C) => B;
  isShown?: (path: string) => boolean;
  /** Labels and placing of the messages (`app/form-errors.ts`). */
  errorOptions?: FormErrorOptions;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mutation = useSaveArtefact<C, B>(programmeId, path);
  const draft = useVersionedDraft<ArtefactDocument<C>, C, B & { baseVersion: number }, ArtefactDocument<C>>({
    doc,
    contentOf: contentOf<C>,
    // spelled out: TanStack's `mutate` type does not resolve over the generic content
    mutation: {
      mutate: (body: B & { baseVersion: number }, o) => mutation.mutate(body, o),
      isPending: mutation.isPending,
    },
    toVariables: (content: C, baseVersion) => ({ ...toBody(content), baseVersion }),
    savedMessage: (saved) => t("planning.savedVersion", { version: saved.version }),
    adoptSaved: (saved) => saved,
    fetchLatest: () =>
      qc.fetchQuery({
        queryKey: planningKeys.artefact(programmeId, path),
        queryFn: () => get<ArtefactDocument<C>>(`${planningBase(programmeId)}/${path}`),
        staleTime: 0,
      }),
    isShown,
    errorOptions,
  });
  return { ...draft, canEdit: doc.canEdit };
}

/** What the page around an editor needs of its draft (whatever the content). */
export interface FrameDraft {
  base: { version: number; savedAt: string | null; savedBy: string | null };
  dirty: boolean;
  save: () => void;
  saving: boolean;
  discard: () => void;
  reload: () => Promise<void>;
  stale: boolean;
  canEdit: boolean;
  errors: { general: string | null };
  /** The unsaved-changes guard, rendered by the frame. */
  guard: ReactNode;
}
