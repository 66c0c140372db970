import { describe, expect, it } from "vitest";
import { type Import, importsOf, isTest, sourceFiles } from "./source-imports.ts";

/**
 * Server import rules (ARCHITECTURE.md, "Import rules"). The server has three layers:
 * - `infra/` (database, auth sessions, audit, HTTP errors, time, files) imports only infra;
 * - `core/` (access rules, the programme-scope loader, care dates, codes, the small-cell rule,
 *   stale-version errors) imports only infra and core;
 * - each capability (registry, indicators, planning, measures, …) imports infra, core,
 *   `shared/` (request schemas), `context.ts`, its own folder — and of another capability only
 *   that capability's `public.ts`, the small API it offers the others.
 * Composition sits outside the capabilities and may import any of them: `app.ts` (routes) and
 * `demo/` (the demo region writes every capability's data, as their own tests do). Type imports
 * count too: a capability's types are part of what it offers. Tests are not checked.
 */

const BASE = new Set(["infra", "core", "shared"]);
const COMPOSERS = new Set(["demo"]);
const layerOf = (path: string) => /^src\/server\/([^/]+)\//.exec(path)?.[1];
const show = (i: Import) => `${i.from}:${i.line} imports ${i.to}`;

const serverImports = sourceFiles("src/server")
  .filter((f) => !isTest(f))
  .flatMap(importsOf)
  .filter((i) => i.to.startsWith("src/server/"));

/** Why an import breaks the rules, or null when it keeps them. */
function broken(i: Import): string | null {
  const from = layerOf(i.from);
  const to = layerOf(i.to);
  if (from === undefined || from === to || COMPOSERS.has(from)) return null;
  if (from === "infra") return "infra imports only infra";
  if (from === "core") return to === "infra" ? null : "core imports only infra and core";
  if (to === undefined) return i.to === "src/server/context.ts" ? null : "only composition imports the app";
  if (BASE.has(to)) return null;
  return i.to === `src/server/${to}/public.ts` ? null : `use ${to}/public.ts`;
}

describe("server import rules", () => {
  it("capabilities import infra, core, their own folder and other capabilities' public.ts only", () => {
    const wrong = serverImports.flatMap((i) => {
      const why = broken(i);
      return why ? [`${show(i)} (${why})`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it("the rule itself, on a table of cases", () => {
    const at = (from: string, to: string): Import => ({ from, to, line: 1, typeOnly: false });
    const cases: Array<[string, string, string | null]> = [
      ["src/server/registry/a.ts", "src/server/registry/b.ts", null],
      ["src/server/registry/a.ts", "src/server/core/access/patients.ts", null],
      ["src/server/registry/a.ts", "src/server/infra/db/database.ts", null],
      ["src/server/home/a.ts", "src/server/registry/public.ts", null],
      ["src/server/home/a.ts", "src/server/registry/site-worklists.ts", "use registry/public.ts"],
      ["src/server/measures/a.ts", "src/server/planning/versions/write-version.ts", "use planning/public.ts"],
      ["src/server/core/a.ts", "src/server/registry/public.ts", "core imports only infra and core"],
      ["src/server/infra/a.ts", "src/server/core/access/roles.ts", "infra imports only infra"],
      ["src/server/registry/a.ts", "src/server/app.ts", "only composition imports the app"],
      ["src/server/registry/a.ts", "src/server/context.ts", null],
      ["src/server/demo/a.ts", "src/server/planning/versions/write-version.ts", null],
      ["src/server/app.ts", "src/server/registry/routes.ts", null],
    ];
    for (const [from, to, why] of cases) expect(broken(at(from, to)), `${from} → ${to}`).toBe(why);
  });
});
