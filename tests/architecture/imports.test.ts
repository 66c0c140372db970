import { describe, expect, it } from "vitest";
import { type Import, importsOf, isTest, sourceFiles } from "./source-imports.ts";

/**
 * Import rules (ARCHITECTURE.md, "Import rules"):
 * 1. The web app takes only types from the server: every import of src/server from src/web is
 *    `import type` (erased at build), so no server code reaches the browser bundle. Runtime code
 *    both sides need lives in src/shared. Test files are not bundled and may import the server
 *    (e.g. to check the web's form state with the server's validator).
 * 2. src/shared is shared: it imports nothing at run time from src/server or src/web.
 * 3. Web features do not depend on each other in a circle (a → … → b → … → a), type imports
 *    included. Widgets several features use live in src/web/app/ui, the API hooks and types
 *    several features use in src/web/app/data.
 * 4. A web feature imports another feature only through its `public.ts` (what it offers the
 *    others), type imports included; tests excepted. Parts of the hub pages (site, programme,
 *    patient) are not imported by the page's feature: each feature lists them in its
 *    `sections.ts`, which only src/web/app/hub-sections.ts imports.
 */

const webImports = sourceFiles("src/web").flatMap(importsOf);
const show = (i: Import) => `${i.from}:${i.line} imports ${i.to}`;

describe("import rules", () => {
  it("src/web imports only types from src/server (tests excepted)", () => {
    const runtime = webImports.filter(
      (i) => !isTest(i.from) && !i.typeOnly && (i.to === "src/server" || i.to.startsWith("src/server/")),
    );
    expect(runtime.map(show), "import these with `import type`, or move the code to src/shared").toEqual([]);
  });

  it("src/shared imports nothing at run time from src/server or src/web", () => {
    const wrong = sourceFiles("src/shared")
      .flatMap(importsOf)
      .filter((i) => !isTest(i.from) && !i.typeOnly && /^src\/(server|web)(\/|$)/.test(i.to));
    expect(wrong.map(show)).toEqual([]);
  });

  it("web features import each other only through public.ts", () => {
    const featureOf = (path: string) => /^src\/web\/features\/([^/]+)\//.exec(path)?.[1];
    const wrong = webImports.filter((i) => {
      const a = featureOf(i.from);
      const b = featureOf(i.to);
      return !isTest(i.from) && a && b && a !== b && i.to !== `src/web/features/${b}/public.ts`;
    });
    expect(wrong.map(show), "export it from the feature's public.ts, or move it to src/web/app").toEqual([]);
  });

  it("a feature's hub sections are collected only by src/web/app/hub-sections.ts", () => {
    const wrong = webImports.filter(
      (i) =>
        /^src\/web\/features\/[^/]+\/sections\.ts$/.test(i.to) && i.from !== "src/web/app/hub-sections.ts",
    );
    expect(wrong.map(show)).toEqual([]);
  });

  it("web features import each other without cycles", () => {
    const featureOf = (path: string) => /^src\/web\/features\/([^/]+)\//.exec(path)?.[1];
    const edges = new Map<string, Set<string>>();
    for (const i of webImports) {
      const a = featureOf(i.from);
      const b = featureOf(i.to);
      if (!a || !b || a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)!.add(b);
    }
    const reach = (from: string): Set<string> => {
      const seen = new Set<string>();
      const stack = [...(edges.get(from) ?? [])];
      while (stack.length > 0) {
        const n = stack.pop()!;
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(...(edges.get(n) ?? []));
      }
      return seen;
    };
    const features = [...edges.keys()].sort();
    const reachable = new Map(features.map((f) => [f, reach(f)]));
    const cycles: string[] = [];
    for (const a of features)
      for (const b of features)
        if (a < b && reachable.get(a)!.has(b) && reachable.get(b)?.has(a)) cycles.push(`${a} <-> ${b}`);
    const direct = (a: string, b: string) =>
      webImports.filter((i) => featureOf(i.from) === a && featureOf(i.to) === b).map((i) => `  ${show(i)}`);
    expect(
      cycles,
      cycles
        .map((c) => {
          const [a, b] = c.split(" <-> ") as [string, string];
          return [`${c}:`, ...direct(a, b), ...direct(b, a)].join("\n");
        })
        .join("\n"),
    ).toEqual([]);
  });
});
