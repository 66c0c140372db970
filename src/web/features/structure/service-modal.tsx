import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SERVICE_KINDS } from "../../../shared/vocabulary.ts";
import { useSaveService } from "../../app/data/structure.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import type { Service } from "../../app/types.ts";
import { CodeNameFields, useSavedThenClose } from "./code-name-fields.tsx";

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
  const save = useSaveService();
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const done = useSavedThenClose(onClose, fail);
  const [code, setCode] = useState(service?.code ?? "");
  const [name, setName] = useState(service?.name ?? "");
  const [kind, setKind] = useState<Service["kind"]>(service?.kind ?? "community_centre");
  const submit = () => {
    clear();
    save.mutate({ id: service?.id, siteId, code, name, kind }, done);
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={service ? t("structure.editService") : t("structure.newService")}
      onSubmit={submit}
      saving={save.isPending}
      general={errors.general}
    >
      <CodeNameFields
        code={code}
        name={name}
        onCode={setCode}
        onName={setName}
        existing={!!service}
        field={field}
      />
      <Select
        label={t("structure.kind")}
        required
        allowDeselect={false}
        data={SERVICE_KINDS.map((k) => ({ value: k, label: t(`serviceKinds.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v as Service["kind"])}
        error={field("kind")}
      />
    </FormModal>
  );
}
