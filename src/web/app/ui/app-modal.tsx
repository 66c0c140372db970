import { Modal, type ModalProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

type AppModalProps = Omit<ModalProps, "opened" | "closeButtonProps"> & { opened?: boolean };

/** A modal of the app: open unless told, its close button named in the user's language. */
export function AppModal({ opened = true, ...props }: AppModalProps) {
  const { t } = useTranslation();
  return <Modal opened={opened} closeButtonProps={{ "aria-label": t("common.close") }} {...props} />;
}
