import { Button, Group, Text } from "@mantine/core";
import { useCallback, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { type BlockerFunction, useBlocker } from "react-router";
import { AppModal } from "./app-modal.tsx";

/**
 * Mounted while a form holds unsaved edits: leaving the page — closing or reloading the tab, or
 * going to another page of the app (a link, the back button) — asks first. In-app navigation is
 * held by react-router's blocker (the app runs a data router, `app/providers.tsx`) and the user
 * answers in a modal: stay (the edits stay) or leave anyway. `isDirty()` is asked when the user
 * navigates, so a page that navigates right after a successful save is not stopped. Moving
 * within the page (its query string) is not leaving it.
 *
 * A router consults one blocker at a time: mount one guard per page (the page's editor).
 */
export function UnsavedChangesGuard({ isDirty }: { isDirty: () => boolean }) {
  const { t } = useTranslation();
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => isDirty() && currentLocation.pathname !== nextLocation.pathname,
    [isDirty],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (isDirty()) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);

  const blocked = blocker.state === "blocked";
  return (
    <AppModal
      opened={blocked}
      onClose={() => blocker.reset?.()}
      title={t("common.unsavedTitle")}
      zIndex={400}
    >
      <Text size="sm" mb="md">
        {t("common.unsavedLeave")}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t("common.unsavedStay")}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t("common.unsavedProceed")}
        </Button>
      </Group>
    </AppModal>
  );
}
