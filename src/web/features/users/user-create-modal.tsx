import { TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../app/form-modal.tsx";
import { PasswordField } from "../../app/password-field.tsx";
import type { Grant } from "../../app/types.ts";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { useCreateUser } from "./api.ts";
import { userFieldLabels } from "./field-labels.ts";
import { GrantsEditor } from "./grants-editor.tsx";

const SHOWN = [/^(username|displayName|password|grants)$/, /^grants\.\d+\.(role|programmeId|siteId)$/];
const isShown = (p: string) => SHOWN.some((re) => re.test(p));

/** A new user with a first password (to be changed at first login) and their roles. */
export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useMemo(() => userFieldLabels(t), [t]);
  const create = useCreateUser();
  const { save, field, frame } = useModalSave(create, {
    isShown,
    labels,
    onClose,
    saved: (u) => t("users.created", { username: u.username }),
  });
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [grants, setGrants] = useState<Grant[]>([{ role: "clinician", programmeId: null, siteId: null }]);
  const submit = () => save({ username, ...(displayName.trim() ? { displayName } : {}), password, grants });
  return (
    <FormModal {...frame} size="xl" title={t("users.new")} onSubmit={submit}>
      <TextInput
        label={t("auth.username")}
        required
        autoComplete="off"
        value={username}
        onChange={(e) => setUsername(e.currentTarget.value)}
        error={field("username")}
        data-autofocus
      />
      <TextInput
        label={t("users.displayName")}
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        error={field("displayName")}
      />
      <PasswordField
        label={t("users.firstPassword")}
        description={t("users.firstPasswordHint")}
        required
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={field("password")}
      />
      <GrantsEditor value={grants} onChange={setGrants} error={field} />
    </FormModal>
  );
}
