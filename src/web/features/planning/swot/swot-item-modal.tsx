import { MultiSelect, SegmentedControl, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRuleMessage } from "../../../app/form-errors.ts";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import { ItemModal } from "../item-modal.tsx";
import type { CfirDomain, Quadrant, SwotItem, SwotTag } from "../types.ts";
import { QUADRANTS, tagOptions } from "./labels.ts";

export type SwotItemValues = Pick<SwotItem, "quadrant" | "text" | "tags">;

/** Add or change one SWOT item: its quadrant, what it says, and the tags it is named by. */
export function SwotItemModal({
  extra,
  initial,
  tags,
  onSubmit,
  onClose,
}: {
  initial: SwotItemValues & { id?: string };
  /** Shown under the fields: the item's links in the planning chain (issue 13, part 7). */
  extra?: ReactNode;
  tags: SwotTag[];
  onSubmit: (values: SwotItemValues) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ruleMessage = useRuleMessage();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const domain = (d: CfirDomain | null) => (d ? t(`planning.cfir.${d}`) : t("planning.swot.noDomain"));
  const submit = () => {
    if (!values.text.trim()) return setError(ruleMessage("required", t("planning.swot.text")));
    onSubmit({ ...values, text: values.text.trim() });
  };
  return (
    <ItemModal
      onClose={onClose}
      title={
        initial.id
          ? t("planning.swot.editItem")
          : t("planning.swot.addItemTo", { quadrant: t(`planning.swot.quadrant.${values.quadrant}`) })
      }
      onSubmit={submit}
      // wide (the default): the four quadrants side by side, Italian names them at length ("Punti di debolezza")
      submitLabel={initial.id ? undefined : t("planning.swot.add")}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} id="swot-quadrant-label">
          {t("planning.swot.quadrantLabel")}
        </Text>
        <SegmentedControl
          aria-labelledby="swot-quadrant-label"
          value={values.quadrant}
          onChange={(q) => setValues({ ...values, quadrant: q as Quadrant })}
          data={QUADRANTS.map((q) => ({ value: q, label: t(`planning.swot.quadrant.${q}`) }))}
        />
      </Stack>
      <GrowingTextarea
        label={t("planning.swot.text")}
        required
        data-autofocus
        value={values.text}
        error={error}
        onChange={(text) => {
          setError(null);
          setValues({ ...values, text });
        }}
      />
      <MultiSelect
        label={t("planning.swot.tags")}
        description={t("planning.swot.tagsHint")}
        data={tagOptions(tags, domain)}
        value={values.tags}
        onChange={(v) => setValues({ ...values, tags: v })}
        searchable
        clearable
        nothingFoundMessage={t("common.nothingFound")}
        comboboxProps={{ withinPortal: true }}
      />
      {extra}
    </ItemModal>
  );
}
