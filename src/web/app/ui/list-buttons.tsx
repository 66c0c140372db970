import { ActionIcon, type ActionIconProps, Button, type ButtonProps } from "@mantine/core";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type ListButtonProps = ButtonProps & { onClick: () => void; children?: ReactNode; "aria-label"?: string };

/**
 * The button that adds a row to a list being edited (a goal, an action, a band, a role, a service);
 * small unless told, its plus a little larger on a button of the default size ("sm").
 */
export function AddButton({ size = "xs", ...props }: ListButtonProps) {
  const plus = <IconPlus size={size === "sm" ? 16 : 14} aria-hidden="true" />;
  return <Button variant="light" size={size} leftSection={plus} {...props} />;
}

/** The button that removes a row from a list being edited: red, with a bin; it says "Remove" unless told. */
export function RemoveButton({ children, ...props }: ListButtonProps) {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      color="red"
      c="red.9"
      leftSection={<IconTrash size={14} aria-hidden="true" />}
      {...props}
    >
      {children ?? t("common.remove")}
    </Button>
  );
}

/** The bin alone, for a row too narrow for the words: `label` names what it removes. */
export function RemoveIcon({
  label,
  onClick,
  ...props
}: ActionIconProps & { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} {...props}>
      <IconTrash size={16} aria-hidden="true" />
    </ActionIcon>
  );
}

/** The pencil alone, for a row too narrow for the words: it is named "Edit <name>". */
export function EditIcon({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={t("common.editNamed", { name })} onClick={onClick}>
      <IconPencil size={16} aria-hidden="true" />
    </ActionIcon>
  );
}
