import { TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRuleMessage } from "../../../app/form-errors.ts";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import { ItemModal } from "../item-modal.tsx";

/** Name a strategic area (title and description) or a sub-area (title only). */
export function TitleModal({
  title,
  initial,
  withDescription,
  onSubmit,
  onClose,
}: {
  title: string;
  initial: { title: string; description: string };
  withDescription: boolean;
  onSubmit: (v: { title: string; description: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ruleMessage = useRuleMessage();
  const [v, setV] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <ItemModal
      onClose={onClose}
      title={title}
      size="md"
      onSubmit={() =>
        v.title.trim()
          ? onSubmit({ ...v, title: v.title.trim() })
          : setError(ruleMessage("required", t("planning.fields.title")))
      }
    >
      <TextInput
        label={t("planning.fields.title")}
        required
        data-autofocus
        value={v.title}
        error={error}
        onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
      />
      {withDescription && (
        <GrowingTextarea
          label={t("planning.fields.description")}
          value={v.description}
          onChange={(text) => setV({ ...v, description: text })}
        />
      )}
    </ItemModal>
  );
}
