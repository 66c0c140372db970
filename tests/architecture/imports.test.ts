import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Import rules (ARCHITECTURE.md, "Import rules"):
 * 1. The web app takes only types from the server: every import of src/server from src/web is
 *    `import type` (erased at build), so no server code reaches the browser bundle. Runtime code
 *    both sides need lives in src/shared. Test files are not bundled and may import the server
 *    (e.g. to check the web's form state with the server's validator).
 * 2. src/shared is shared: it imports nothing at run time from src/server or src/web.
 * 3. Web features do not depend on each other in a circle (a → … → b → … → a), type imports
 *    included. Widgets several features use live in src/web/app/ui, the API hooks and types
 *    several features use in src/web/app/data; a feature may embed another's link or section.
 */

const root = resolve(import.meta.dirname, "../..");

interface Import {
  from: string;
  to: string;
  line: number;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** The relative imports and re-exports of a file (static and dynamic), resolved to repository paths. */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Import[] = [];
  const add = (spec: string, node: ts.Node, typeOnly: boolean) => {
    if (!spec.startsWith(".")) return;
    const to = relative(root, resolve(root, dirname(file), spec))
      .split(sep)
      .join("/");
    out.push({
      from: file,
      to,
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      typeOnly,
    });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node, node.importClause?.isTypeOnly ?? false);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, node, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const lit = node.argument.literal;
      if (ts.isStringLiteral(lit)) add(lit.text, node, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

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
