import { Alert, Button, Group, Paper, Stack } from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useFormErrors } from "../../app/form-errors.ts";
import { Page } from "../../app/page.tsx";
import { PasswordField } from "../../app/password-field.tsx";
import { useChangePassword, useCurrentUser } from "../../app/session.ts";
import { notifySaved } from "../../app/ui/notify.ts";

const FIELDS = new Set(["currentPassword", "newPassword"]);
const isShown = (path: string) => FIELDS.has(path);

/** Change my password; required before anything else when an administrator set it. */
export function PasswordPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const change = useChangePassword();
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (newPassword !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifySaved(t("account.passwordChanged"));
          navigate("/", { replace: true });
        },
        onError: fail,
      },
    );
  };

  return (
    <Page title={t("account.changePassword")}>
      <Paper withBorder p="lg" maw={480}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {me.mustChangePassword && (
              <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
                {t("account.mustChange")}
              </Alert>
            )}
            {errors.general && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
                {errors.general}
              </Alert>
            )}
            <PasswordField
              label={t("account.currentPassword")}
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={field("currentPassword")}
            />
            <PasswordField
              label={t("account.newPassword")}
              description={t("account.passwordRule")}
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(e) => setNew(e.currentTarget.value)}
              error={field("newPassword")}
            />
            <PasswordField
              label={t("account.repeatPassword")}
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={mismatch ? t("account.passwordsDiffer") : undefined}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={change.isPending}>
                {t("account.savePassword")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
