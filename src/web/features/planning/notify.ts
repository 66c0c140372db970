import { notifications } from "@mantine/notifications";
import { i18n } from "../../app/i18n.ts";

/** A passing confirmation (its close button named for screen readers). */
export function notifySuccess(message: string): void {
  notifications.show({
    color: "green",
    message,
    closeButtonProps: { "aria-label": i18n.t("common.close") },
  });
}
