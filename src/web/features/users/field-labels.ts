import type { TFunction } from "i18next";

/**
 * The labels of the user forms' fields by form path, so that a refusal reads as the form shows
 * it ("Site of role 2 is required", "First password must have at least 12 characters").
 */
export function userFieldLabels(
  t: TFunction,
  passwordLabel = t("users.firstPassword"),
): (path: string) => string | undefined {
  return (path) => {
    const grant = /^grants\.(\d+)\.(role|programmeId|siteId)$/.exec(path);
    if (grant) {
      const n = Number(grant[1]) + 1;
      if (grant[2] === "role") return t("users.roleN", { n });
      if (grant[2] === "programmeId") return t("users.programmeN", { n });
      return t("users.siteN", { n });
    }
    if (path === "username") return t("auth.username");
    if (path === "displayName") return t("users.displayName");
    if (path === "password") return passwordLabel;
    if (path === "grants") return t("users.roles");
    return undefined;
  };
}
