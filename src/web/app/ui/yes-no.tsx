import { Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Yes as a badge, no as dimmed text: a flag in a table (a plan's, a team member's). */
export function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return value ? (
    <Badge variant="light" color="teal">
      {t("common.yes")}
    </Badge>
  ) : (
    <Text size="sm" c="dimmed">
      {t("common.no")}
    </Text>
  );
}
