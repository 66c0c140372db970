import { Button, Group, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { RemoveIcon } from "../../../app/ui/list-buttons.tsx";
import type { RaterDraft } from "./review-draft.ts";

/** The raters of a review by name or code; one or more, each named once. */
export function RatersFields({
  raters,
  onName,
  onAdd,
  onRemove,
  errorOf,
}: {
  raters: RaterDraft[];
  onName: (key: number, name: string) => void;
  onAdd: () => void;
  onRemove: (key: number) => void;
  errorOf: (index: number) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      {raters.map((r, i) => (
        <Group key={r.key} gap={4} align="flex-end" wrap="nowrap">
          <TextInput
            label={t("measures.fidelity.raterN", { n: i + 1 })}
            placeholder={t("measures.fidelity.raterHint")}
            required
            value={r.rater}
            onChange={(e) => onName(r.key, e.currentTarget.value)}
            error={errorOf(i)}
            w={200}
          />
          {raters.length > 1 && (
            <RemoveIcon
              size="lg"
              mb={errorOf(i) ? 22 : 0}
              onClick={() => onRemove(r.key)}
              label={t("measures.fidelity.removeRater", { name: r.rater || i + 1 })}
            />
          )}
        </Group>
      ))}
      <Button variant="light" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={onAdd}>
        {t("measures.fidelity.addRater")}
      </Button>
    </Group>
  );
}
