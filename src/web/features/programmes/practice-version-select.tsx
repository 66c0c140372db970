import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePracticeVersions } from "../../app/data/practices.ts";
import { useFormatDateTime } from "../../app/format.ts";

/**
 * Which saved version of its practice a programme follows (editing only): a newer version may
 * change the psychosocial types, and with them the indicator facts.
 */
export function PracticeVersionSelect({
  practiceId,
  current,
  value,
  onChange,
  error,
}: {
  practiceId: number;
  /** The version the programme follows now (as read). */
  current: number;
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const versions = usePracticeVersions(practiceId);
  const when = useFormatDateTime();
  const data = (versions.data ?? []).map((v) => ({
    value: String(v.version),
    label: t(
      v.version === current ? "programmes.practiceVersionCurrent" : "programmes.practiceVersionOption",
      {
        version: v.version,
        date: when(v.createdAt),
      },
    ),
  }));
  // Until the list arrives, the version read is still a valid choice.
  if (!data.some((d) => d.value === String(current)))
    data.push({ value: String(current), label: `v${current}` });
  return (
    <Select
      label={t("programmes.practiceVersion")}
      description={t("programmes.practiceVersionHint")}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      error={error}
    />
  );
}
