import { Badge, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PracticeDefinition } from "../../app/types.ts";

/** A practice definition, read-only: for readers, and for old versions in the history. */
export function DefinitionView({
  definition: d,
  headingLevel = 2,
}: {
  definition: PracticeDefinition;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith("it") ? "it" : "en";
  const e = d.eligibility;
  const h = headingLevel;
  return (
    <Stack gap="md">
      {d.description && <Text size="sm">{d.description}</Text>}
      <div>
        <Title order={h} size="h5" mb={6}>
          {t("practices.components")}
        </Title>
        {d.components.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("practices.noComponents")}
          </Text>
        ) : (
          <List spacing={6} size="sm">
            {d.components.map((c) => (
              <List.Item key={c.code}>
                <Text span fw={600}>
                  {c.code}
                </Text>{" "}
                — {c.name}
                {c.modules.length > 0 && (
                  <Group gap={4} mt={4}>
                    {c.modules.map((m) => (
                      <Badge key={m.code} variant="light" color="gray" tt="none" title={m.name}>
                        {m.code}: {m.name}
                      </Badge>
                    ))}
                  </Group>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </div>
      <div>
        <Title order={h} size="h5" mb={6}>
          {t("practices.ownInterventionTypes")}
        </Title>
        {d.interventionTypes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("practices.noOwnTypes")}
          </Text>
        ) : (
          <Group gap={6}>
            {d.interventionTypes.map((x) => (
              <Badge
                key={x.code}
                variant={x.psychosocial ? "light" : "outline"}
                color={x.psychosocial ? "teal" : "gray.7"}
                tt="none"
              >
                {x.code}: {x.labels?.[language] ?? x.label}
                {x.psychosocial ? ` · ${t("practices.psychosocialShort")}` : ""}
              </Badge>
            ))}
          </Group>
        )}
      </div>
      <div>
        <Title order={h} size="h5" mb={6}>
          {t("practices.eligibility")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Text size="sm">
            {t("parameters.ageBand")}: {e.ageMin ?? "—"}–{e.ageMax ?? "—"}
          </Text>
          <Text size="sm">
            {t("parameters.targetDiagnoses")}: {e.targetDiagnoses.length ? e.targetDiagnoses.join(", ") : "—"}
          </Text>
          <Text size="sm">
            {t("parameters.newToServiceDays")}: {e.newToServiceDays ?? "—"}
          </Text>
        </SimpleGrid>
      </div>
    </Stack>
  );
}
