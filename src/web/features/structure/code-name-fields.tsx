import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../app/ui/notify.ts";

/**
 * The code and name every structure level has (region, area, site, service). The code is set
 * once, at creation: it is how extracts and other systems name the unit, so it never changes.
 */
export function CodeNameFields({
  code,
  name,
  onCode,
  onName,
  existing,
  field,
}: {
  code: string;
  name: string;
  onCode: (code: string) => void;
  onName: (name: string) => void;
  existing: boolean;
  field: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t("common.code")}
        required
        disabled={existing}
        value={code}
        onChange={(e) => onCode(e.currentTarget.value)}
        error={field("code")}
        data-autofocus
      />
      <TextInput
        label={t("common.name")}
        required
        value={name}
        onChange={(e) => onName(e.currentTarget.value)}
        error={field("name")}
      />
    </>
  );
}

/** What a structure form does once saved or refused: confirm and close, or show the errors. */
export function useSavedThenClose(onClose: () => void, fail: (err: unknown) => void) {
  const { t } = useTranslation();
  return {
    onSuccess: () => {
      notifySaved(t("common.saved"));
      onClose();
    },
    onError: fail,
  };
}
