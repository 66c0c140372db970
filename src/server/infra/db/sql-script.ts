import { type Kysely, sql } from "kysely";

/**
 * Split a SQL script into statements at `;` outside dollar-quoted bodies and quotes, so that
 * migrations can be written as plain scripts (prepared statements take one command each).
 */
export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let current = "";
  let dollar: string | null = null;
  let quote = false;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (dollar) {
      if (script.startsWith(dollar, i)) {
        current += dollar;
        i += dollar.length - 1;
        dollar = null;
        continue;
      }
    } else if (quote) {
      if (ch === "'") quote = false;
    } else if (ch === "'") {
      quote = true;
    } else if (ch === "$") {
      const m = /^\$[A-Za-z_]*\$/.exec(script.slice(i));
      if (m) {
        dollar = m[0];
        current += dollar;
        i += dollar.length - 1;
        continue;
      }
    } else if (ch === "-" && script[i + 1] === "-") {
      const end = script.indexOf("\n", i);
      i = end === -1 ? script.length : end;
      current += "\n";
      continue;
    } else if (ch === ";") {
      if (current.trim()) out.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) {
    await sql.raw(statement).execute(db);
  }
}
