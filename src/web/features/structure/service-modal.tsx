import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SERVICE_KINDS } from "../../../shared/vocabulary.ts";
import { useSaveService } from "../../app/data/structure.ts";
import { FormModal } from "../../app/form-modal.tsx";
import type { Service } from "../../app/types.ts";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { CodeNameFields, codeNameOf } from "./code-name-fields.tsx";

const FIELDS = new Set(["code", "name", "kind"]);
const isShown = (p: string) => FIELDS.has(p);

/** Create a service of a site (a community centre, an addiction service, a ward…), or edit it. */
export function ServiceModal({
  service,
  siteId,
  onClose,
}: {
  service: Service | null;
  siteId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useModalSave(useSaveService(), { isShown, onClose, saved: () => t("common.saved") });
  const [names, setNames] = useState(() => codeNameOf(service));
  const [kind, setKind] = useState<Service["kind"]>(service?.kind ?? "community_centre");
  const submit = () => form.save({ id: service?.id, siteId, ...names, kind });
  return (
    <FormModal
      {...form.frame}
      title={service ? t("structure.editService") : t("structure.newService")}
      onSubmit={submit}
    >
      <CodeNameFields value={names} onChange={setNames} existing={!!service} field={form.field} />
      <Select
        label={t("structure.kind")}
        required
        allowDeselect={false}
        data={SERVICE_KINDS.map((k) => ({ value: k, label: t(`serviceKinds.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v as Service["kind"])}
        error={form.field("kind")}
      />
    </FormModal>
  );
}
