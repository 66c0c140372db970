import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it as test } from "vitest";
import { en } from "./en.ts";
import { it } from "./it.ts";

/**
 * Every text of the web app exists in English and in Italian: the two catalogues (with each
 * feature's messages.en.ts / messages.it.ts inside them) have exactly the same keys, no text is
 * empty, and every key the code asks for with a literal — `t("registry.early.below")`, or the
 * fixed part of `t(\`measures.timepoints.${v}\`)` — exists in English (and so, by the first
 * check, in Italian).
 */

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

function branches(tree: Tree, prefix = ""): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") continue;
    const key = prefix ? `${prefix}.${k}` : k;
    out.add(key);
    for (const b of branches(v, key)) out.add(b);
  }
  return out;
}

const EN = leaves(en as unknown as Tree);
const IT = leaves(it as unknown as Tree);
const EN_BRANCHES = branches(en as unknown as Tree);
const PLURAL = /_(zero|one|two|few|many|other)$/;

describe("the web app's texts, in both languages", () => {
  test("every English key exists in Italian", () => {
    expect([...EN.keys()].filter((k) => !IT.has(k))).toEqual([]);
  });

  test("every Italian key exists in English (plural forms aside: Italian may need its own)", () => {
    const singular = (k: string) => k.replace(PLURAL, "");
    const enBases = new Set([...EN.keys()].map(singular));
    expect([...IT.keys()].filter((k) => !EN.has(k) && !(PLURAL.test(k) && enBases.has(singular(k))))).toEqual(
      [],
    );
  });

  test("no text is empty, and the placeholders match", () => {
    const empty = [...EN, ...IT].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differing = [...EN.keys()]
      .filter((k) => IT.has(k))
      .filter((k) => {
        const a = placeholders(EN.get(k)!);
        const b = placeholders(IT.get(k)!);
        // a translation may leave out {{count}} ("un giorno") but never invent a placeholder
        return b.some((p) => !a.includes(p)) || a.filter((p) => p !== "count").some((p) => !b.includes(p));
      });
    expect(differing).toEqual([]);
  });

  test("every key the code asks for by a literal exists", () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
    const missing: string[] = [];
    let asked = 0;
    for (const file of sourceFiles(root)) {
      const text = fs.readFileSync(file, "utf8");
      const where = path.relative(root, file);
      for (const m of text.matchAll(/\bt\(\s*"([a-zA-Z][\w.]*)"/g)) {
        asked++;
        const key = m[1]!;
        if (!(EN.has(key) || EN.has(`${key}_one`) || EN.has(`${key}_other`) || EN_BRANCHES.has(key)))
          missing.push(`${where}: ${key}`);
      }
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z][\w.]*)\.\$\{/g)) {
        asked++;
        if (!EN_BRANCHES.has(m[1]!)) missing.push(`${where}: ${m[1]}.…`);
      }
    }
    expect(asked).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (
      /\.tsx?$/.test(entry.name) &&
      !/\.test\.tsx?$/.test(entry.name) &&
      !/messages\./.test(entry.name)
    )
      out.push(full);
  }
  return out;
}
