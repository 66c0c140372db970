import { Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EditIcon, RemoveIcon } from "../../app/ui/list-buttons.tsx";

/** An item's own buttons in an artefact being edited: the pencil and the bin, both named after the item. */
export function ItemActions({
  name,
  onEdit,
  onRemove,
}: {
  name: string;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <EditIcon name={name} onClick={onEdit} />
      <RemoveIcon label={t("planning.removeNamed", { name })} onClick={onRemove} />
    </Group>
  );
}
