import { Group, Paper, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../shared/roles.ts";
import { useProgrammes } from "../../app/data/programmes.ts";
import { useSites } from "../../app/data/structure.ts";
import type { Grant, Role } from "../../app/types.ts";
import { AddButton, RemoveButton } from "../../app/ui/list-buttons.tsx";

/** Which scope a role takes: a regional coordinator a programme; site roles a site; a viewer optionally a programme. */
export const scopeOf = (role: Role): "programme" | "site" | "optionalProgramme" | "none" =>
  role === "regional_coordinator"
    ? "programme"
    : role === "site_coordinator" || role === "clinician"
      ? "site"
      : role === "viewer"
        ? "optionalProgramme"
        : "none";

/** Edit a user's roles, each with its programme or site. */
export function GrantsEditor({
  value,
  onChange,
  error,
}: {
  value: Grant[];
  onChange: (v: Grant[]) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const sites = useSites();
  const programmeOptions = (programmes.data ?? []).map((p) => ({
    value: String(p.id),
    label: `${p.code} — ${p.name}`,
  }));
  const siteOptions = (sites.data ?? []).map((s) => ({
    value: String(s.id),
    label: `${s.code} — ${s.name}`,
  }));
  const setGrant = (i: number, g: Grant) => onChange(value.map((x, j) => (j === i ? g : x)));

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t("users.roles")}
      </Text>
      {error("grants") && (
        <Text size="sm" c="red.9" role="alert">
          {error("grants")}
        </Text>
      )}
      {value.map((g, i) => {
        const scope = scopeOf(g.role);
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: grants are identified by position, as the server names them
          <Paper key={i} withBorder p="sm">
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Select
                label={t("users.roleN", { n })}
                w={210}
                allowDeselect={false}
                data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                value={g.role}
                onChange={(r) => r && setGrant(i, { role: r as Role, programmeId: null, siteId: null })}
                error={error(`grants.${i}.role`)}
              />
              {(scope === "programme" || scope === "optionalProgramme") && (
                <Select
                  label={
                    scope === "programme"
                      ? t("users.programmeN", { n })
                      : t("users.programmeOptionalN", { n })
                  }
                  w={280}
                  required={scope === "programme"}
                  searchable
                  clearable={scope === "optionalProgramme"}
                  clearButtonProps={{
                    "aria-label": t("common.clearNamed", { name: t("users.programmeOptionalN", { n }) }),
                  }}
                  placeholder={scope === "optionalProgramme" ? t("users.allProgrammes") : t("common.choose")}
                  data={programmeOptions}
                  value={g.programmeId === null ? null : String(g.programmeId)}
                  onChange={(v) => setGrant(i, { ...g, programmeId: v ? Number(v) : null })}
                  error={error(`grants.${i}.programmeId`)}
                />
              )}
              {scope === "site" && (
                <Select
                  label={t("users.siteN", { n })}
                  w={280}
                  required
                  searchable
                  placeholder={t("common.choose")}
                  data={siteOptions}
                  value={g.siteId === null ? null : String(g.siteId)}
                  onChange={(v) => setGrant(i, { ...g, siteId: v ? Number(v) : null })}
                  error={error(`grants.${i}.siteId`)}
                />
              )}
              <RemoveButton
                mt={25}
                aria-label={t("users.removeRoleN", { n })}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                {t("common.remove")}
              </RemoveButton>
            </Group>
          </Paper>
        );
      })}
      <Group>
        <AddButton
          onClick={() => onChange([...value, { role: "clinician", programmeId: null, siteId: null }])}
        >
          {t("users.addRole")}
        </AddButton>
      </Group>
    </Stack>
  );
}
