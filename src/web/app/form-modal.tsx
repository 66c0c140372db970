import { Alert, Button, Group, Stack } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "./ui/app-modal.tsx";

/** A modal holding one form: fields, the general error, cancel and save. */
export function FormModal({
  opened,
  onClose,
  title,
  onSubmit,
  saving,
  general,
  children,
  size = "md",
  submitLabel,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  onSubmit: () => void;
  saving: boolean;
  general: string | null;
  children: ReactNode;
  size?: string;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size={size}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={general} />
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel ?? t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The general error of a form (what belongs to no field), announced to screen readers. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
      {message}
    </Alert>
  );
}
