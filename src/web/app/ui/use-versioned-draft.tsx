import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { type FormErrorOptions, useFormErrors } from "../form-errors.ts";
import { notifySaved } from "./notify.ts";
import { UnsavedChangesGuard } from "./unsaved-changes-guard.tsx";
import { type DraftAction, type DraftState, draftInitial, draftReducer } from "./versioned-draft.ts";

/** What the hook needs of a TanStack mutation: `useMutation(...)` fits as it is. */
export interface SaveMutation<V, R> {
  mutate: (variables: V, options: { onSuccess: (saved: R) => void; onError: (err: unknown) => void }) => void;
  isPending: boolean;
}

export interface VersionedDraftOptions<T extends { version: number }, D, V, R> {
  /** The thing as last read; a newer one replaces the draft while the user has not touched it. */
  doc: T;
  /** The draft a version starts from. */
  contentOf: (doc: T) => D;
  mutation: SaveMutation<V, R>;
  /** The save's variables: the draft and the version it started from (`baseVersion`). */
  toVariables: (draft: D, baseVersion: number) => V;
  /** The green notice after a save. */
  savedMessage: (saved: R) => string;
  /** The version a save answers with, to start the next draft from (when the answer is one). */
  adoptSaved?: (saved: R) => T | undefined;
  /** After a save (close the modal, leave the editor). */
  onSaved?: (saved: R) => void;
  /** Read the latest version (no cache), for `reload()` after a stale save. */
  fetchLatest: () => Promise<T | undefined>;
  /** Whether the form shows a field at a path (`app/form-errors.ts`); the rest is general. */
  isShown?: (path: string) => boolean;
  errorOptions?: FormErrorOptions;
}

const nowhere = () => false;

/**
 * The editing of one saved, versioned thing, the same way everywhere: a draft of its content and
 * the version it started from (`versioned-draft.ts`), saving with optimistic locking — when
 * someone saved meanwhile the server answers 409 `stale_version`, `stale` is true, the draft
 * stays as the user left it and `reload()` loads the latest when they choose to (show it with
 * `StaleAlert`) — the server's refusals through `useFormErrors`, the saved notice, and `guard`:
 * render it, and while the draft has unsaved edits leaving the page asks first
 * (`unsaved-changes-guard.tsx`).
 */
export function useVersionedDraft<T extends { version: number }, D, V, R>(
  options: VersionedDraftOptions<T, D, V, R>,
) {
  const { doc, mutation, isShown = nowhere, errorOptions } = options;
  // The callbacks may be written inline by the caller: read the latest, never re-run on them.
  const latest = useRef(options);
  latest.current = options;
  // The state is stepped here, synchronously, and mirrored for React: an edit's updater sees
  // the latest draft and runs once, when called (an editor may read what it computed, such as
  // the id of a new item, on the next line); and the guard reads `dirty` when the user
  // navigates, up to date before React renders again (a page may navigate right after a save).
  const now = useRef<DraftState<T, D> | null>(null);
  if (now.current === null) now.current = draftInitial(doc, options.contentOf(doc));
  const [state, setState] = useState(now.current);
  const act = useCallback((action: DraftAction<T, D>) => {
    const next = draftReducer(now.current!, action);
    if (next === now.current) return;
    now.current = next;
    setState(next);
  }, []);
  const isDirty = useCallback(() => now.current?.dirty === true, []);
  const { errors, fail, clear, field, fieldTree } = useFormErrors(isShown, errorOptions);

  const { draft, base, dirty } = state;
  // Also after a discard: the draft is clean again, and a newer version read meanwhile replaces it.
  useEffect(() => {
    if (!dirty && doc.version !== base.version)
      act({ type: "background", doc, content: latest.current.contentOf(doc) });
  }, [doc, dirty, base.version, act]);

  const setDraft = useCallback((next: D | ((d: D) => D)) => act({ type: "edit", next }), [act]);

  const adopt = useCallback(
    (d: T) => {
      act({ type: "adopt", doc: d, content: latest.current.contentOf(d) });
      clear();
    },
    [act, clear],
  );

  const save = useCallback(
    (content: D = draft) => {
      clear();
      const o = latest.current;
      o.mutation.mutate(o.toVariables(content, base.version), {
        onSuccess: (saved) => {
          const next = o.adoptSaved?.(saved);
          if (next) adopt(next);
          else act({ type: "saved" });
          notifySaved(o.savedMessage(saved));
          o.onSaved?.(saved);
        },
        onError: fail,
      });
    },
    [draft, base.version, clear, adopt, act, fail],
  );

  /** Load the latest version, dropping the draft (after a stale save, when the user asks). */
  const reload = useCallback(async () => {
    const d = await latest.current.fetchLatest();
    if (d) adopt(d);
  }, [adopt]);

  /** Back to the version the draft started from. */
  const discard = useCallback(() => adopt(base), [adopt, base]);

  const guard: ReactNode = dirty ? <UnsavedChangesGuard isDirty={isDirty} /> : null;

  return {
    base,
    draft,
    setDraft,
    dirty,
    save,
    saving: mutation.isPending,
    errors,
    field,
    fieldTree,
    fail,
    clear,
    stale: errors.error?.code === "stale_version",
    reload,
    discard,
    guard,
  };
}
