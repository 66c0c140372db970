import { notifications } from "@mantine/notifications";
import { i18n } from "../i18n.ts";

/**
 * The passing confirmation after a save (or a delete, an upload): green, closing by itself, its
 * close button named for screen readers in the user's language. Every form confirms this way.
 */
export function notifySaved(message: string): void {
  notifications.show({
    color: "green",
    message,
    closeButtonProps: { "aria-label": i18n.t("common.close") },
  });
}
