import { AppError } from "../infra/http/errors.ts";

/**
 * The answer to a save based on an outdated version (optimistic locking): 409 `stale_version`,
 * naming `body.baseVersion`, telling the user which version someone else saved meanwhile.
 * Shared by practices and programmes.
 */
export function staleVersion(what: string, current: number, base: number): AppError {
  const message =
    `someone else saved version ${current} of this ${what} after you opened version ${base}; ` +
    "reload it to see their changes, then apply yours again";
  return new AppError("stale_version", message, [
    { field: "body.baseVersion", rule: "stale_version", message },
  ]);
}
