import { describe, expect, it } from "vitest";
import { type DraftAction, type DraftState, draftInitial, draftReducer } from "./versioned-draft.ts";

type Doc = { version: number; text: string };
const doc = (version: number, text = `v${version}`): Doc => ({ version, text });
const start = (version: number, text?: string): DraftState<Doc, string> =>
  draftInitial(doc(version, text), doc(version, text).text);
const edited = (version: number, draft: string): DraftState<Doc, string> => ({
  ...start(version),
  draft,
  dirty: true,
});

describe("draftReducer", () => {
  const cases: [string, DraftState<Doc, string>, DraftAction<Doc, string>, DraftState<Doc, string>][] = [
    ["an edit makes the draft dirty", start(1), { type: "edit", next: "mine" }, edited(1, "mine")],
    [
      "an edit may derive from the draft",
      edited(1, "a"),
      { type: "edit", next: (d) => `${d}b` },
      edited(1, "ab"),
    ],
    [
      "a newer background version replaces an untouched draft",
      start(1),
      { type: "background", doc: doc(2), content: "v2" },
      start(2),
    ],
    [
      "a newer background version never replaces an edited draft",
      edited(1, "mine"),
      { type: "background", doc: doc(2), content: "v2" },
      edited(1, "mine"),
    ],
    [
      "the same version read again leaves the draft as it is",
      start(1, "shown"),
      { type: "background", doc: doc(1, "other"), content: "other" },
      start(1, "shown"),
    ],
    [
      "adopting a version (saved, reloaded, discarded) drops the edits",
      edited(1, "mine"),
      { type: "adopt", doc: doc(3), content: "v3" },
      start(3),
    ],
    [
      "adopting the base again (discard) makes the draft clean",
      edited(2, "mine"),
      { type: "adopt", doc: doc(2), content: "v2" },
      start(2),
    ],
    [
      "a save without a version to adopt keeps the draft, clean",
      edited(1, "mine"),
      { type: "saved" },
      { ...start(1), draft: "mine" },
    ],
  ];
  it.each(cases)("%s", (_name, state, action, expected) => {
    expect(draftReducer(state, action)).toEqual(expected);
  });

  it("after a save without a version, the next background version replaces the draft", () => {
    const saved = draftReducer(edited(1, "mine"), { type: "saved" });
    expect(draftReducer(saved, { type: "background", doc: doc(2, "mine"), content: "mine" })).toEqual(
      start(2, "mine"),
    );
  });

  it("an action that changes nothing returns the same state (no re-render)", () => {
    const s = start(1);
    expect(draftReducer(s, { type: "saved" })).toBe(s);
    expect(draftReducer(s, { type: "background", doc: doc(1), content: "v1" })).toBe(s);
  });
});
