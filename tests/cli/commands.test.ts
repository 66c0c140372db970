import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main.ts";

/** `praxis --help` lists commands without loading them: its names and summaries must be theirs. */
describe("the command list", () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    "%s: name and summary match the command",
    async (_n, entry) => {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({
        name: entry.name,
        summary: entry.summary,
      });
    },
  );
});
