import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The password policy of NIST SP 800-63B §5.1.1.2: at least 12 characters, not only
 * whitespace, not a common or breached password (the shipped list, `common-passwords.txt`), not
 * the username — and no composition rules. Shared by the API schemas and the CLI.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const COMMON_PASSWORDS_FILE = "common-passwords.txt";

let common: Set<string> | null = null;

/** The list next to this module, or in the source tree above a bundle (dist/server). */
function commonPasswords(): Set<string> {
  if (common) return common;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, COMMON_PASSWORDS_FILE)];
  for (let dir = here, i = 0; i < 6; i++, dir = path.dirname(dir))
    candidates.push(path.join(dir, "src/server/infra/auth", COMMON_PASSWORDS_FILE));
  const file = candidates.find((p) => fs.existsSync(p));
  if (!file) throw new Error(`${COMMON_PASSWORDS_FILE} not found next to ${here}`);
  common = new Set(
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#")),
  );
  return common;
}

export interface PasswordProblem {
  rule: "too_small" | "too_big" | "blank" | "common" | "same_as_username";
  message: string;
}

/** Why a new password is refused, or null. Length counts characters (code points). */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  const length = [...password].length;
  if (password.trim() === "") return { rule: "blank", message: "must not be only spaces" };
  if (length < PASSWORD_MIN) return { rule: "too_small", message: `at least ${PASSWORD_MIN} characters` };
  if (length > PASSWORD_MAX) return { rule: "too_big", message: `at most ${PASSWORD_MAX} characters` };
  const folded = password.trim().toLowerCase();
  if (commonPasswords().has(folded) || commonPasswords().has(folded.replace(/\s+/g, ""))) {
    return { rule: "common", message: "is a common or breached password; choose another" };
  }
  if (username && folded.includes(username.trim().toLowerCase())) {
    return { rule: "same_as_username", message: "must not contain the username" };
  }
  return null;
}
