import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BASE_TAXONOMY } from "../../../shared/vocabulary.ts";

/** The base intervention taxonomy every practice inherits, psychosocial types marked. */
export function BaseTaxonomy() {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={600} mb={6}>
        {t("practices.baseTaxonomy")}
      </Text>
      <Group gap={6}>
        {BASE_TAXONOMY.map((x) => (
          <Badge
            key={x.code}
            variant={x.psychosocial ? "light" : "outline"}
            color={x.psychosocial ? "teal" : "gray.7"}
            tt="none"
          >
            {t(`interventionTypes.${x.code}`)}
            {x.psychosocial ? ` · ${t("practices.psychosocialShort")}` : ""}
          </Badge>
        ))}
      </Group>
    </div>
  );
}
