import { Input, SegmentedControl, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import { EditorFieldset } from "./editor-fieldset.tsx";
import type { SectionProps } from "./fields.ts";
import type { EditorForm, Kind } from "./form-state.ts";

/** The indicator's name and what it computes. */
export function IdentityFields({ form, set, error, isNew }: SectionProps & { isNew: boolean }) {
  const { t } = useTranslation();
  const kinds: Kind[] = ["ratio", "count", "median"];
  return (
    <EditorFieldset legend={t("dashboard.editor.identity")}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("dashboard.editor.label")}
            required
            value={form.label}
            onChange={(e) => set("label", e.currentTarget.value)}
            error={error("label")}
          />
          <TextInput
            label={t("dashboard.editor.id")}
            description={t("dashboard.editor.idHint")}
            required
            disabled={!isNew}
            value={form.id}
            onChange={(e) => set("id", e.currentTarget.value)}
            error={error("id")}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          />
        </SimpleGrid>
        <GrowingTextarea
          label={t("dashboard.editor.description")}
          value={form.description}
          onChange={(text) => set("description", text)}
          error={error("description")}
        />
        <Input.Wrapper label={t("dashboard.editor.measuresLabel")} id="measures-field" labelElement="div">
          <div>
            <SegmentedControl
              aria-labelledby="measures-field-label"
              value={form.measures}
              onChange={(v) => set("measures", v as EditorForm["measures"])}
              data={(["enrolments", "offers"] as const).map((k) => ({
                value: k,
                label: t(`dashboard.editor.measuresOptions.${k}`),
              }))}
            />
          </div>
        </Input.Wrapper>
        {form.measures === "enrolments" && (
          <Input.Wrapper
            label={t("dashboard.editor.kindLabel")}
            error={error("kind")}
            id="kind-field"
            labelElement="div"
          >
            <div>
              <SegmentedControl
                aria-labelledby="kind-field-label"
                value={form.kind}
                onChange={(v) => set("kind", v as Kind)}
                data={kinds.map((k) => ({ value: k, label: t(`dashboard.editor.kinds.${k}`) }))}
              />
            </div>
          </Input.Wrapper>
        )}
        {form.measures === "enrolments" && form.kind === "count" && (
          <Input.Wrapper label={t("dashboard.editor.countOf")} id="count-of-field" labelElement="div">
            <div>
              <SegmentedControl
                aria-labelledby="count-of-field-label"
                value={form.countOf}
                onChange={(v) => set("countOf", v as "patients" | "records")}
                data={(["patients", "records"] as const).map((k) => ({
                  value: k,
                  label: t(`dashboard.editor.countOfs.${k}`),
                }))}
              />
            </div>
          </Input.Wrapper>
        )}
      </Stack>
    </EditorFieldset>
  );
}
