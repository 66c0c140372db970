import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SCRIPT } from "../../src/server/infra/db/migrations/0008_indicator_facts.ts";

/**
 * A migration that has run somewhere must never change what it does: databases created later
 * would differ from those it already migrated. Migration 0028 builds its one-pass rebuild from
 * 0008's SQL generators (computeFacts, eventsOf, …), so those generators are shared — and an edit
 * made for 0028 would silently change 0008. This pins 0008's generated script; a change to the
 * facts belongs in a new migration.
 */
describe("frozen migrations", () => {
  it("0008 generates the script it has always generated", () => {
    expect(createHash("sha256").update(SCRIPT).digest("hex")).toBe(
      "73c25630cd81e3728e079cf7c76cb55c458b70c98b4ec5ea4914d0380b0f9a81",
    );
    expect(SCRIPT.length).toBe(85872);
  });
});
