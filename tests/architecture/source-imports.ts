import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** The relative imports of the repository's source files, parsed with TypeScript (static, dynamic, re-exports, type imports). */
export const root = resolve(import.meta.dirname, "../..");

export interface Import {
  from: string;
  to: string;
  line: number;
  typeOnly: boolean;
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

export const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** The relative imports and re-exports of a file (static and dynamic), resolved to repository paths. */
export function importsOf(file: string): Import[] {
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
