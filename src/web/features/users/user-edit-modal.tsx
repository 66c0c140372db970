import { Divider, Switch, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../app/form-modal.tsx";
import { PasswordField } from "../../app/password-field.tsx";
import type { Grant, Role, User } from "../../app/types.ts";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { useUpdateUser } from "./api.ts";
import { userFieldLabels } from "./field-labels.ts";
import { GrantsEditor } from "./grants-editor.tsx";

const SHOWN = [/^(displayName|password|grants|active)$/, /^grants\.\d+\.(role|programmeId|siteId)$/];
const isShown = (p: string) => SHOWN.some((re) => re.test(p));

/** Change a user's name and roles, deactivate them, or set a new password they must change. */
export function UserEditModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useMemo(() => userFieldLabels(t, t("users.resetPassword")), [t]);
  const update = useUpdateUser();
  const { save, field, frame } = useModalSave(update, {
    isShown,
    labels,
    onClose,
    saved: () => t("common.saved"),
  });
  const [displayName, setDisplayName] = useState(user.displayName);
  const [active, setActive] = useState(user.active);
  const [password, setPassword] = useState("");
  const [grants, setGrants] = useState<Grant[]>(
    user.grants.map((g) => ({ role: g.role as Role, programmeId: g.programmeId, siteId: g.siteId })),
  );
  const submit = () =>
    save({
      id: user.id,
      body: {
        ...(displayName !== user.displayName ? { displayName } : {}),
        ...(active !== user.active ? { active } : {}),
        ...(password ? { password } : {}),
        grants,
      },
    });
  return (
    <FormModal
      {...frame}
      size="xl"
      title={t("users.editTitle", { username: user.username })}
      onSubmit={submit}
    >
      <TextInput
        label={t("users.displayName")}
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        error={field("displayName")}
        data-autofocus
      />
      <GrantsEditor value={grants} onChange={setGrants} error={field} />
      <Divider />
      <Switch
        label={t("users.active")}
        description={t("users.activeHint")}
        checked={active}
        onChange={(e) => setActive(e.currentTarget.checked)}
        error={field("active")}
      />
      <PasswordField
        label={t("users.resetPassword")}
        description={t("users.resetPasswordHint")}
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={field("password")}
      />
    </FormModal>
  );
}
