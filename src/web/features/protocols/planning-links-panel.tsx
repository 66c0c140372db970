import { Anchor, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router";
import { get } from "../../app/api.ts";
import { useDescribeError } from "../../app/errors.ts";
import { useCurrentUser } from "../../app/session.ts";
import { type Protocol, protocolKeys, useProgrammeLinks, useProtocols, useSetLink } from "./api.ts";
import { dimensionPath } from "./paths.ts";

export interface LinkableItem {
  id: string;
  text: string;
}

/**
 * Beside a saved action plan or SWOT (embedded by planning): the protocol dimension each
 * activity or SWOT item addresses, shown with a link to the dimension, and changed here by the
 * site's team or whoever edits the plan. The link is kept outside planning's versions (by the
 * item's id), so saving the plan does not change it.
 */
export function PlanningLinksPanel({
  programmeId,
  siteId,
  itemKind,
  items,
  canEditPlan,
}: {
  programmeId: number;
  siteId: number | null;
  itemKind: "activity" | "swot";
  items: LinkableItem[];
  canEditPlan: boolean;
}) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const me = useCurrentUser();
  const protocols = useProtocols();
  const details = useQueries({
    queries: (protocols.data ?? []).map((p) => ({
      queryKey: protocolKeys.one(p.id),
      queryFn: () => get<Protocol>(`/api/protocols/${p.id}`),
    })),
  });
  const links = useProgrammeLinks(programmeId, siteId);
  const setLink = useSetLink();
  const canLink = canEditPlan || (siteId !== null && me.sites.some((s) => s.id === siteId && s.canReadData));
  const loaded = details.flatMap((d) => (d.data ? [d.data] : []));
  const options = [
    { value: "", label: t("protocols.noLink") },
    ...loaded.flatMap((p) =>
      p.content.dimensions.map((d) => ({
        value: `${p.id}|${d.id}`,
        label: `${d.title} — ${p.content.title}`,
      })),
    ),
  ];
  const current = (id: string) =>
    (links.data ?? []).find((l) => l.itemKind === itemKind && l.itemId === id && l.siteId === siteId);
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`links-${itemKind}`}>
      <Title order={2} size="h4" id={`links-${itemKind}`}>
        {t("protocols.linksTitle")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {loaded.length === 0 && !protocols.isLoading ? t("protocols.noProtocols") : t("protocols.linksHint")}
      </Text>
      {setLink.error && (
        <Text c="red.8" role="alert" mb="sm">
          {describe(setLink.error)}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((item) => {
          const link = current(item.id);
          return (
            <Group
              key={item.id}
              justify="space-between"
              wrap="wrap"
              data-testid="planning-link-row"
              data-item={item.id}
            >
              <Stack gap={0} style={{ flex: "1 1 260px" }}>
                <Text size="sm">{item.text}</Text>
                {link?.dimensionTitle && (
                  <Anchor
                    component={RouterLink}
                    to={dimensionPath(link.protocolId, link.dimensionId)}
                    size="sm"
                  >
                    {link.dimensionTitle}
                  </Anchor>
                )}
              </Stack>
              {canLink && loaded.length > 0 && (
                <Select
                  aria-label={t("protocols.linkFor", { item: item.text })}
                  data={options}
                  value={link ? `${link.protocolId}|${link.dimensionId}` : ""}
                  onChange={(v) => {
                    const [pid, dim] = v ? v.split("|") : [];
                    setLink.mutate(
                      {
                        programmeId,
                        siteId,
                        itemKind,
                        itemId: item.id,
                        protocolId: pid ? Number(pid) : null,
                        dimensionId: dim ?? null,
                      },
                      {
                        onSuccess: () =>
                          notifications.show({ message: t("protocols.linkSaved"), color: "green" }),
                      },
                    );
                  }}
                  allowDeselect={false}
                  w={340}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
