import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AddButton, RemoveButton } from "../../app/ui/list-buttons.tsx";
import { GrowingTextarea } from "../../app/ui/note-field.tsx";
import { BaseTaxonomy } from "./base-taxonomy.tsx";
import type { DefinitionFormValues } from "./definition-values.ts";

type Errors = { field: (p: string) => string | undefined; fieldTree: (p: string) => string | undefined };

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4">
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
      <Stack mt="md">{children}</Stack>
    </Paper>
  );
}

/** The editor of a practice definition: components and modules, own intervention types, eligibility. */
export function DefinitionFields({
  value,
  onChange,
  errors,
}: {
  value: DefinitionFormValues;
  onChange: (v: DefinitionFormValues) => void;
  errors: Errors;
}) {
  const { t } = useTranslation();
  const { field } = errors;
  const at = "definition";
  const components = value.components;
  const setComponents = (c: DefinitionFormValues["components"]) => onChange({ ...value, components: c });
  const setComponent = (i: number, patch: Partial<DefinitionFormValues["components"][number]>) =>
    setComponents(components.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const types = value.interventionTypes;
  const setTypes = (v: DefinitionFormValues["interventionTypes"]) =>
    onChange({ ...value, interventionTypes: v });
  const setType = (i: number, patch: Partial<DefinitionFormValues["interventionTypes"][number]>) =>
    setTypes(types.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const e = value.eligibility;
  const setEligibility = (patch: Partial<DefinitionFormValues["eligibility"]>) =>
    onChange({ ...value, eligibility: { ...e, ...patch } });

  return (
    <Stack gap="lg">
      <GrowingTextarea
        label={t("practices.description")}
        minRows={3}
        value={value.description}
        onChange={(text) => onChange({ ...value, description: text })}
        error={field(`${at}.description`)}
      />

      <Section title={t("practices.components")} hint={t("practices.componentsHint")}>
        {components.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("practices.noComponents")}
          </Text>
        )}
        {components.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by position, as the server names them
          <Fieldset key={i} legend={c.code || t("practices.componentN", { n: i + 1 })}>
            <Stack gap="sm">
              <Group align="flex-start" grow>
                <TextInput
                  label={t("practices.componentCode")}
                  required
                  value={c.code}
                  onChange={(ev) => setComponent(i, { code: ev.currentTarget.value })}
                  error={field(`${at}.components.${i}.code`)}
                />
                <TextInput
                  label={t("practices.componentName")}
                  required
                  value={c.name}
                  onChange={(ev) => setComponent(i, { name: ev.currentTarget.value })}
                  error={field(`${at}.components.${i}.name`)}
                />
              </Group>
              <Text size="sm" fw={600}>
                {t("practices.modules")}
              </Text>
              {c.modules.map((m, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by position
                <Group key={j} align="flex-start" gap="sm" pl="md">
                  <TextInput
                    label={t("practices.moduleCode")}
                    w={160}
                    value={m.code}
                    onChange={(ev) =>
                      setComponent(i, {
                        modules: c.modules.map((x, k) =>
                          k === j ? { ...x, code: ev.currentTarget.value } : x,
                        ),
                      })
                    }
                    error={field(`${at}.components.${i}.modules.${j}.code`)}
                  />
                  <TextInput
                    label={t("practices.moduleName")}
                    style={{ flex: 1 }}
                    value={m.name}
                    onChange={(ev) =>
                      setComponent(i, {
                        modules: c.modules.map((x, k) =>
                          k === j ? { ...x, name: ev.currentTarget.value } : x,
                        ),
                      })
                    }
                    error={field(`${at}.components.${i}.modules.${j}.name`)}
                  />
                  <div style={{ paddingTop: 28 }}>
                    <RemoveButton
                      size="compact-sm"
                      aria-label={t("practices.removeModule", { name: m.code || j + 1 })}
                      onClick={() => setComponent(i, { modules: c.modules.filter((_, k) => k !== j) })}
                    />
                  </div>
                </Group>
              ))}
              <Group justify="space-between">
                <AddButton
                  onClick={() => setComponent(i, { modules: [...c.modules, { code: "", name: "" }] })}
                >
                  {t("practices.addModule")}
                </AddButton>
                <RemoveButton
                  size="compact-sm"
                  aria-label={t("practices.removeComponent", { name: c.code || i + 1 })}
                  onClick={() => setComponents(components.filter((_, j) => j !== i))}
                />
              </Group>
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setComponents([...components, { code: "", name: "", modules: [] }])}
          >
            {t("practices.addComponent")}
          </Button>
        </Group>
      </Section>

      <Section title={t("practices.interventionTypes")} hint={t("practices.interventionTypesHint")}>
        <BaseTaxonomy />
        {types.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by position
          <Group key={i} align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t("practices.typeCode")}
              w={180}
              value={x.code}
              onChange={(ev) => setType(i, { code: ev.currentTarget.value })}
              error={field(`${at}.interventionTypes.${i}.code`)}
            />
            <TextInput
              label={t("practices.typeLabel")}
              style={{ flex: 1 }}
              value={x.label}
              onChange={(ev) => setType(i, { label: ev.currentTarget.value })}
              error={field(`${at}.interventionTypes.${i}.label`)}
            />
            {(["en", "it"] as const).map((lng) => (
              <TextInput
                key={lng}
                label={t(`practices.typeLabelIn.${lng}`)}
                w={170}
                lang={lng}
                value={x.labels?.[lng] ?? ""}
                onChange={(ev) => setType(i, { labels: { ...x.labels, [lng]: ev.currentTarget.value } })}
                error={field(`${at}.interventionTypes.${i}.labels.${lng}`)}
              />
            ))}
            <Switch
              mt={32}
              label={t("practices.psychosocial")}
              checked={x.psychosocial}
              onChange={(ev) => setType(i, { psychosocial: ev.currentTarget.checked })}
              error={field(`${at}.interventionTypes.${i}.psychosocial`)}
            />
            <div style={{ paddingTop: 28 }}>
              <RemoveButton
                size="compact-sm"
                aria-label={t("practices.removeType", { name: x.code || i + 1 })}
                onClick={() => setTypes(types.filter((_, j) => j !== i))}
              />
            </div>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setTypes([...types, { code: "", label: "", psychosocial: true }])}
          >
            {t("practices.addType")}
          </Button>
        </Group>
      </Section>

      <Section title={t("practices.eligibility")} hint={t("practices.eligibilityHint")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t("practices.ageMin")}
            min={0}
            max={120}
            allowDecimal={false}
            value={e.ageMin}
            onChange={(v) => setEligibility({ ageMin: v })}
            error={field(`${at}.eligibility.ageMin`)}
          />
          <NumberInput
            label={t("practices.ageMax")}
            min={0}
            max={120}
            allowDecimal={false}
            value={e.ageMax}
            onChange={(v) => setEligibility({ ageMax: v })}
            error={field(`${at}.eligibility.ageMax`)}
          />
          <TagsInput
            label={t("parameters.targetDiagnoses")}
            description={t("parameters.targetDiagnosesHint")}
            value={e.targetDiagnoses}
            onChange={(v) => setEligibility({ targetDiagnoses: v })}
            splitChars={[",", " "]}
            error={errors.fieldTree(`${at}.eligibility.targetDiagnoses`)}
          />
          <NumberInput
            label={t("parameters.newToServiceDays")}
            description={t("practices.newToServiceHint")}
            min={1}
            max={3650}
            allowDecimal={false}
            value={e.newToServiceDays}
            onChange={(v) => setEligibility({ newToServiceDays: v })}
            error={field(`${at}.eligibility.newToServiceDays`)}
          />
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
