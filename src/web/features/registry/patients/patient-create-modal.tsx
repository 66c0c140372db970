import { SimpleGrid, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCreatePatient } from "../../../app/data/registry.ts";
import type { Patient, Sex } from "../../../app/data/registry-types.ts";
import { FormModal } from "../../../app/form-modal.tsx";
import { todayIso } from "../../../app/today.ts";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../../app/ui/modal-save.ts";
import { NumberField } from "../../../app/ui/number-field.tsx";
import { sentNumber } from "../../../app/ui/read-number.ts";
import { SegmentedField } from "../../../app/ui/segmented-field.tsx";
import { useSexOptions } from "./sex-label.ts";

const FIELDS = new Set(["code", "birthYear", "sex", "residenceArea", "firstContactDate"]);
const isShown = (p: string) => FIELDS.has(p);

/**
 * Register a patient at a site: a pseudonymous code (or a generated one), birth year, sex,
 * residence area and first contact. Never a name: the server refuses any other field.
 */
export function PatientCreateModal({
  siteId,
  onClose,
  onCreated,
}: {
  siteId: number;
  onClose: () => void;
  onCreated: (patient: Patient) => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePatient();
  const { save, field, frame } = useModalSave(create, {
    isShown,
    onClose,
    saved: (p) => t("registry.patients.created", { code: p.code }),
  });
  const sexes = useSexOptions();
  const [code, setCode] = useState("");
  const [birthYear, setBirthYear] = useState<number | string>("");
  const [sex, setSex] = useState<Sex | null>(null);
  const [area, setArea] = useState("");
  const [firstContact, setFirstContact] = useState<string | null>(null);

  const submit = () => {
    save(
      {
        siteId,
        ...(code.trim() ? { code: code.trim() } : {}),
        // An empty year or sex goes as null / "" so that the server names the field.
        birthYear: sentNumber(birthYear) as number,
        sex: (sex ?? "") as Sex,
        residenceArea: area.trim() || null,
        firstContactDate: firstContact,
      },
      onCreated,
    );
  };

  return (
    <FormModal
      {...frame}
      title={t("registry.patients.new")}
      onSubmit={submit}
      submitLabel={t("registry.patients.register")}
    >
      <TextInput
        label={t("registry.patient.pseudonym")}
        description={t("registry.patient.pseudonymHint")}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={field("code")}
        autoComplete="off"
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <NumberField
          label={t("registry.patient.birthYear")}
          required
          min={1900}
          max={Number(todayIso().slice(0, 4))}
          allowDecimal={false}
          value={birthYear}
          onChange={setBirthYear}
          error={field("birthYear")}
        />
        <TextInput
          label={t("registry.patient.residenceArea")}
          description={t("registry.patient.residenceAreaHint")}
          value={area}
          onChange={(e) => setArea(e.currentTarget.value)}
          error={field("residenceArea")}
        />
      </SimpleGrid>
      <SegmentedField
        label={t("registry.patient.sex")}
        value={sex}
        onChange={setSex}
        data={sexes}
        required
        error={field("sex")}
      />
      <ModalDateField
        label={t("registry.patient.firstContact")}
        description={t("registry.patient.firstContactHint")}
        value={firstContact}
        onChange={setFirstContact}
        error={field("firstContactDate")}
      />
    </FormModal>
  );
}
