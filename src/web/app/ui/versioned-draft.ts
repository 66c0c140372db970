/**
 * The editing state of one saved, versioned thing, without React: the version the draft started
 * from (`base`), the draft of its content, and whether the user changed it (`dirty`). Pure, so
 * the rules below are tested with tables of cases (`versioned-draft.test.ts`); the hook
 * `use-versioned-draft.tsx` runs it.
 */
export interface DraftState<T extends { version: number }, D> {
  base: T;
  draft: D;
  dirty: boolean;
}

export type DraftAction<T extends { version: number }, D> =
  /** The user changed the draft. */
  | { type: "edit"; next: D | ((draft: D) => D) }
  /** Start again from this version (a save's answer, a reload, a discard): the draft is its content. */
  | { type: "adopt"; doc: T; content: D }
  /** A version read in the background (a refetch): it replaces only an untouched draft. */
  | { type: "background"; doc: T; content: D }
  /** Saved, and the answer is not a version to start from: the draft is the saved one, clean. */
  | { type: "saved" };

export function draftInitial<T extends { version: number }, D>(doc: T, content: D): DraftState<T, D> {
  return { base: doc, draft: content, dirty: false };
}

export function draftReducer<T extends { version: number }, D>(
  state: DraftState<T, D>,
  action: DraftAction<T, D>,
): DraftState<T, D> {
  switch (action.type) {
    case "edit": {
      const next = action.next;
      const draft = typeof next === "function" ? (next as (d: D) => D)(state.draft) : next;
      return { ...state, draft, dirty: true };
    }
    case "adopt":
      return { base: action.doc, draft: action.content, dirty: false };
    case "background":
      // Never over the user's edits, and never back to the version the draft already has.
      return state.dirty || action.doc.version === state.base.version
        ? state
        : { base: action.doc, draft: action.content, dirty: false };
    case "saved":
      return state.dirty ? { ...state, dirty: false } : state;
  }
}
