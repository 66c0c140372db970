import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PatientCare, WhoIn, WhoOut } from "./types.ts";

/** `who` as one select value: `professional:3`, `service:7`, `person`, `family`. */
export const whoValue = (w: WhoIn | WhoOut | null): string | null => {
  if (!w) return null;
  if (w.kind === "professional") return `professional:${w.professionalId}`;
  if (w.kind === "service") return `service:${w.serviceId}`;
  return w.kind;
};

export const whoOf = (value: string | null): WhoIn | null => {
  if (!value) return null;
  const [kind, id] = value.split(":");
  if (kind === "professional") return { kind, professionalId: Number(id) };
  if (kind === "service") return { kind, serviceId: Number(id) };
  if (kind === "person" || kind === "family") return { kind };
  return null;
};

/** Who carries out an action: a professional of the site's team, a directory service, the person, the family. */
export function WhoSelect({
  label,
  value,
  onChange,
  care,
  siteId,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  care: PatientCare;
  siteId: number;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const data = [
    {
      group: t("care.who.groupPeople"),
      items: [
        { value: "person", label: t("care.who.person") },
        { value: "family", label: t("care.who.family") },
      ],
    },
    {
      group: t("care.who.groupTeam"),
      items: care.professionals
        .filter((p) => p.siteId === siteId)
        .map((p) => ({
          value: `professional:${p.id}`,
          label: t("care.who.professionalOf", { code: p.code, profile: p.profile }),
        })),
    },
    {
      group: t("care.who.groupServices"),
      items: care.services.map((s) => ({ value: `service:${s.id}`, label: s.name })),
    },
  ].filter((g) => g.items.length > 0);
  return (
    <Select
      label={label}
      required
      searchable
      placeholder={t("common.choose")}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
