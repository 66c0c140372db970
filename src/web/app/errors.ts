import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api.ts";

/**
 * The reasons a server gives for a 403 (`reason` of the reply, server/infra/http/errors.ts
 * FORBIDDEN_REASONS), each said in the user's language; an unknown one reads as `not_permitted`.
 */
export const REFUSAL_REASONS = [
  "aggregates_only",
  "not_your_site",
  "not_your_patient",
  "not_your_programme",
  "administrators_only",
  "csrf",
  "no_consent",
  "not_permitted",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const refusalReason = (reason: string | null | undefined): RefusalReason =>
  (REFUSAL_REASONS as readonly string[]).includes(reason ?? "") ? (reason as RefusalReason) : "not_permitted";

/** A 403 refusal (not a password to change, which the app handles by itself). */
export const isRefusal = (err: unknown): err is ApiError =>
  err instanceof ApiError && err.status === 403 && err.code === "forbidden";

/** A user-facing sentence for any error: the server's own message where it is specific. */
export function useDescribeError() {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown): string => {
      if (!(err instanceof ApiError)) return t("errors.unexpected");
      switch (err.code) {
        case "network":
          return t("errors.network");
        case "unauthenticated":
          return t("errors.unauthenticated");
        case "forbidden":
          return t(`errors.reasons.${refusalReason(err.reason)}`);
        case "not_found":
          return t("errors.notFound");
        case "rate_limited":
          return t("errors.rateLimited");
        case "internal":
          return t("errors.internal");
        default:
          return err.message || t("errors.unexpected");
      }
    },
    [t],
  );
}
