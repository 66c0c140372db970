import { Button, Paper, Select, Stack, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRuleMessage } from "../../../app/form-errors.ts";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import type { NodeType } from "../types.ts";
import { NODE_TYPES } from "./node-kinds.ts";

/** Add a box to the diagram: its type and what it says. */
export function AddNodeForm({ onAdd }: { onAdd: (type: NodeType, text: string) => void }) {
  const { t } = useTranslation();
  const ruleMessage = useRuleMessage();
  const [type, setType] = useState<NodeType>("output");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError(ruleMessage("required", t("planning.toc.nodeText")));
    onAdd(type, text.trim());
    setText("");
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} aria-labelledby="toc-add-node">
      <Title order={2} size="h5" mb="xs" id="toc-add-node">
        {t("planning.toc.addNode")}
      </Title>
      <Stack gap="xs">
        <Select
          label={t("planning.toc.nodeType")}
          data={NODE_TYPES.map((n) => ({ value: n, label: t(`planning.toc.type.${n}`) }))}
          value={type}
          allowDeselect={false}
          onChange={(v) => v && setType(v as NodeType)}
        />
        <GrowingTextarea
          label={t("planning.toc.nodeText")}
          value={text}
          error={error}
          onChange={(text) => {
            setError(null);
            setText(text);
          }}
        />
        <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden="true" />}>
          {t("planning.toc.add")}
        </Button>
      </Stack>
    </Paper>
  );
}
