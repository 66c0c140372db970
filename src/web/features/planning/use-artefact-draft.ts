import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../app/api.ts";
import { type FormErrorOptions, useFormErrors } from "../../app/form-errors.ts";
import { notifySaved } from "../../app/ui/notify.ts";
import { planningBase, planningKeys, useSaveArtefact } from "./api.ts";
import type { ArtefactDocument } from "./types.ts";

/**
 * The editors show problems next to the item they concern (`items.3.text`, `edges.2`); what
 * concerns a whole list (`answers`: a required question unanswered) or the version (a stale
 * save) is the general message.
 */
export const insideAnItem = (p: string) => /^[A-Za-z]+\.\d+/.test(p);

/**
 * The editing state of one artefact: a draft of its content, the version it started from, and
 * saving with optimistic locking. When someone else saved meanwhile the server answers 409
 * `stale_version`: the draft stays as the user left it (nothing is lost) and `reload()` loads the
 * latest version when they choose to.
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
  const [base, setBase] = useState(doc);
  const [draft, setDraftState] = useState<C>(doc.content);
  const [dirty, setDirty] = useState(false);
  const save = useSaveArtefact<C, B>(programmeId, path);
  const { errors, fail, clear, field, fieldTree } = useFormErrors(isShown, errorOptions);

  // A newer version read in the background replaces an untouched draft, never an edited one.
  useEffect(() => {
    if (!dirty && doc.version !== base.version) {
      setBase(doc);
      setDraftState(doc.content);
    }
  }, [doc, dirty, base.version]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const setDraft = useCallback((next: C | ((d: C) => C)) => {
    setDraftState(next);
    setDirty(true);
  }, []);

  const adopt = useCallback(
    (d: ArtefactDocument<C>) => {
      setBase(d);
      setDraftState(d.content);
      setDirty(false);
      clear();
    },
    [clear],
  );

  const submit = useCallback(
    (content: C = draft) => {
      clear();
      save.mutate(
        { ...toBody(content), baseVersion: base.version },
        {
          onSuccess: (saved) => {
            adopt(saved);
            notifySaved(t("planning.savedVersion", { version: saved.version }));
          },
          onError: fail,
        },
      );
    },
    [draft, base.version, toBody, save, adopt, fail, clear, t],
  );

  /** Load the latest version, dropping the draft (after a stale save, when the user asks). */
  const reload = useCallback(async () => {
    const latest = await qc.fetchQuery({
      queryKey: planningKeys.artefact(programmeId, path),
      queryFn: () => get<ArtefactDocument<C>>(`${planningBase(programmeId)}/${path}`),
      staleTime: 0,
    });
    adopt(latest);
  }, [qc, programmeId, path, adopt]);

  const discard = useCallback(() => adopt(base), [adopt, base]);

  return {
    base,
    draft,
    setDraft,
    dirty,
    save: submit,
    saving: save.isPending,
    errors,
    field,
    fieldTree,
    stale: errors.error?.code === "stale_version",
    reload,
    discard,
    canEdit: doc.canEdit,
  };
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
}
