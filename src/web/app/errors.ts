import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api.ts";

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
          return t("errors.forbidden");
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
