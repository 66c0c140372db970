import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDeleteProfessional } from "../../app/data/teams.ts";
import { useDescribeError } from "../../app/errors.ts";
import { FormError } from "../../app/form-modal.tsx";
import type { Professional } from "../../app/types.ts";
import { AppModal } from "../../app/ui/app-modal.tsx";
import { notifySaved } from "../../app/ui/notify.ts";

/** Confirm, then remove a professional from the site's registry. */
export function RemoveProfessional({
  siteId,
  professional,
  onClose,
}: {
  siteId: number;
  professional: Professional;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteProfessional(siteId);
  const describe = useDescribeError();
  return (
    <AppModal onClose={onClose} title={t("teams.removeTitle")}>
      <Stack>
        <FormError message={remove.error ? describe(remove.error) : null} />
        <Text>{t("teams.removeConfirm", { code: professional.code })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(professional.id, {
                onSuccess: () => {
                  notifySaved(t("teams.removed", { code: professional.code }));
                  onClose();
                },
              })
            }
          >
            {t("common.remove")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
