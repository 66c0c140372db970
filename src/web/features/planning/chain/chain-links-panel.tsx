import { Badge, Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "../../../app/errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { RemoveIcon } from "../../../app/ui/list-buttons.tsx";
import type { Scope } from "../scope.ts";
import { useAddLink, useChain, useRemoveLink } from "./api.ts";
import { type ChainKind, type ChainView, nextKind, previousKind, refOf } from "./types.ts";

/** An element's two sides in the chain, when it has them: the step it comes from, the step it leads to. */
const SIDES = [
  { way: "in", neighbour: previousKind },
  { way: "out", neighbour: nextKind },
] as const;

/**
 * One element's links in the chain — what it comes from (the step before) and leads to (the
 * step after) — with, for those who may edit, a remove button on each stored link and a choice
 * to add one. Used on the chain page and on the element's own page (SWOT item, activity).
 */
export function ChainLinksPanel({
  programmeId,
  scope,
  kind,
  itemKey,
}: {
  programmeId: number;
  scope: Scope;
  kind: ChainKind;
  itemKey: string;
}) {
  const { t } = useTranslation();
  const chain = useChain(programmeId, scope, null);
  if (!chain.data) return null;
  const saved = chain.data.nodes.some((n) => n.kind === kind && n.key === itemKey && n.exists);
  if (!saved)
    return (
      <Text size="sm" c="dimmed">
        {t("planningChain.saveFirst")}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="chain-links">
      <Title order={3} size="h5">
        {t("planningChain.linksTitle")}
      </Title>
      {SIDES.filter((s) => s.neighbour(kind)).map(({ way }) => (
        <Side
          key={way}
          chain={chain.data}
          programmeId={programmeId}
          scope={scope}
          kind={kind}
          itemKey={itemKey}
          way={way}
        />
      ))}
    </Stack>
  );
}

function Side({
  chain,
  programmeId,
  scope,
  kind,
  itemKey,
  way,
}: {
  chain: ChainView;
  programmeId: number;
  scope: Scope;
  kind: ChainKind;
  itemKey: string;
  way: "in" | "out";
}) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const other = (way === "out" ? nextKind(kind) : previousKind(kind))!;
  const [choice, setChoice] = useState<string | null>(null);
  const add = useAddLink(programmeId, scope);
  const remove = useRemoveLink(programmeId, scope);
  const me = { kind, key: itemKey };
  const links = chain.links.filter((l) =>
    way === "out"
      ? refOf(l.from) === refOf(me) && l.to.kind === other
      : refOf(l.to) === refOf(me) && l.from.kind === other,
  );
  const label = (ref: string) => chain.nodes.find((n) => refOf(n) === ref)?.label ?? ref;
  const taken = new Set(links.map((l) => refOf(way === "out" ? l.to : l.from)));
  const candidates = chain.nodes
    .filter((n) => n.kind === other && n.exists && !taken.has(refOf(n)))
    .map((n) => ({ value: n.key, label: n.label }));
  const heading = t(`planningChain.${way === "out" ? "leadsTo" : "comesFrom"}`, {
    kind: t(`planningChain.kinds.${other}`),
  });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {heading}
      </Text>
      {links.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("planningChain.noLinks")}
        </Text>
      )}
      {links.map((l) => {
        const end = way === "out" ? l.to : l.from;
        return (
          <Group key={`${refOf(l.from)}>${refOf(l.to)}`} gap="xs" wrap="nowrap">
            <Text size="sm">{label(refOf(end))}</Text>
            {l.broken && (
              <Badge color="red" variant="light" c="red.9" tt="none">
                {t("planningChain.flags.broken_link")}
              </Badge>
            )}
            {l.source === "artefact" && (
              <Badge color="gray" variant="light" c="dark.7" tt="none">
                {t("planningChain.fromArtefact")}
              </Badge>
            )}
            {chain.canEdit && l.id !== null && (
              <RemoveIcon
                label={t("planningChain.remove", { label: label(refOf(end)) })}
                onClick={() => remove.mutate(l.id!)}
              />
            )}
          </Group>
        );
      })}
      {chain.canEdit && candidates.length > 0 && (
        <Group gap="xs" align="flex-end">
          <Select
            label={t("planningChain.addLabel", { kind: t(`planningChain.kinds.${other}`) })}
            data={candidates}
            value={choice}
            onChange={setChoice}
            searchable
            w={320}
          />
          <Button
            variant="light"
            disabled={!choice}
            loading={add.isPending}
            onClick={() => {
              if (!choice) return;
              const there = { kind: other, key: choice };
              add.mutate(way === "out" ? { from: me, to: there } : { from: there, to: me }, {
                onSuccess: () => setChoice(null),
              });
            }}
          >
            {t("planningChain.add")}
          </Button>
        </Group>
      )}
      <FormError message={add.error ? describe(add.error) : null} />
    </Stack>
  );
}
