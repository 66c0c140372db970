import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconArrowNarrowDown } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Page, QueryView } from "../../../app/page.tsx";
import { PlanningRoute } from "../artefact-route.tsx";
import { planningUrl, type Scope } from "../scope.ts";
import { ScopePicker } from "../scope-picker.tsx";
import { type PlanningProgramme, scopeName } from "../use-planning-programme.ts";
import { useChain } from "./api.ts";
import { ChainLinksPanel } from "./chain-links-panel.tsx";
import { CHAIN_ORDER, type ChainKind, type ChainView, refOf } from "./types.ts";

/**
 * The traceable chain of a plan at the region or a site: SANA finding → SWOT item → ToC node →
 * activity → indicator → roadmap objective. Choose any element to follow the chain from it both
 * ways; broken links and missing steps are flagged; the coordinators edit the links here.
 */
export function ChainPage() {
  return (
    <PlanningRoute>{(programme, scope) => <ChainLoader programme={programme} scope={scope} />}</PlanningRoute>
  );
}

function ChainLoader({ programme, scope }: { programme: PlanningProgramme; scope: Scope }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const focus = params.get("focus");
  const chain = useChain(programme.id, scope, focus);
  const where = scopeName(programme, scope, t("planning.region"));
  return (
    <Page
      title={`${t("planningChain.title")} · ${where}`}
      subtitle={t("planningChain.subtitle")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("planning.title"), to: planningUrl(programme.id) },
        { label: t("planningChain.title") },
      ]}
    >
      <ScopePicker programme={programme} artefact="chain" scope={scope} />
      <QueryView query={chain}>
        {(c) => (
          <ChainBody
            chain={c}
            programmeId={programme.id}
            scope={scope}
            focus={focus}
            setFocus={(f) => setParams(f ? { focus: f } : {})}
          />
        )}
      </QueryView>
    </Page>
  );
}

function ChainBody({
  chain,
  programmeId,
  scope,
  focus,
  setFocus,
}: {
  chain: ChainView;
  programmeId: number;
  scope: Scope;
  focus: string | null;
  setFocus: (f: string | null) => void;
}) {
  const { t } = useTranslation();
  const label = (ref: string) => chain.nodes.find((n) => refOf(n) === ref);
  const choices = CHAIN_ORDER.map((kind) => ({
    group: t(`planningChain.kinds.${kind}`),
    items: chain.nodes
      .filter(
        (n) =>
          n.kind === kind &&
          (kind !== "indicator" ||
            chain.links.some((l) => refOf(l.to) === refOf(n) || refOf(l.from) === refOf(n))),
      )
      .map((n) => ({
        value: refOf(n),
        label: n.exists ? n.label : `${n.label} (${t("planningChain.gone")})`,
      })),
  })).filter((g) => g.items.length > 0);
  // the element the shown chain was followed from (until a new focus loads, the previous one)
  const focused = chain.focus ? label(chain.focus.ref) : undefined;
  const path = chain.focus
    ? [...[...chain.focus.upstream].reverse(), chain.focus.ref, ...chain.focus.downstream]
    : [];
  return (
    <Stack>
      <Select
        label={t("planningChain.follow")}
        placeholder={t("planningChain.followPlaceholder")}
        data={choices}
        value={focus}
        onChange={setFocus}
        searchable
        clearable
        w={480}
      />
      {chain.focus && focused && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t("planningChain.followed", { label: focused.label })}
            </Title>
            <Stack
              gap={2}
              component="ol"
              aria-label={t("planningChain.followedList")}
              style={{ listStyle: "none", padding: 0 }}
            >
              {path.map((ref, i) => {
                const n = label(ref);
                return (
                  <li key={ref}>
                    {i > 0 && <IconArrowNarrowDown size={16} aria-hidden="true" />}
                    <Group gap="xs">
                      <Badge variant="light" color="blue" c="dark.7" tt="none">
                        {t(`planningChain.kinds.${(n?.kind ?? ref.split(":")[0]) as ChainKind}`)}
                      </Badge>
                      <Text size="sm" fw={ref === chain.focus!.ref ? 700 : 400}>
                        {n?.label ?? ref}
                      </Text>
                      {n && !n.exists && (
                        <Badge color="red" variant="light" c="red.9" tt="none">
                          {t("planningChain.gone")}
                        </Badge>
                      )}
                    </Group>
                  </li>
                );
              })}
            </Stack>
          </Card>
          <Card withBorder>
            <ChainLinksPanel
              programmeId={programmeId}
              scope={scope}
              kind={focused.kind}
              itemKey={focused.key}
            />
          </Card>
        </SimpleGrid>
      )}
      <Flags chain={chain} setFocus={setFocus} />
    </Stack>
  );
}

function Flags({ chain, setFocus }: { chain: ChainView; setFocus: (f: string) => void }) {
  const { t } = useTranslation();
  if (chain.flags.length === 0)
    return (
      <Alert color="teal" variant="light" styles={{ message: { color: "var(--mantine-color-text)" } }}>
        {t("planningChain.noFlags")}
      </Alert>
    );
  const label = (ref: string) => chain.nodes.find((n) => refOf(n) === ref)?.label ?? ref;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t("planningChain.flagsTitle", { count: chain.flags.length })}
      </Title>
      <List spacing={4} data-testid="chain-flags">
        {chain.flags.map((f) => {
          const link = f.linkIndex !== null ? chain.links[f.linkIndex] : null;
          const anchor = link ? (f.missing === "to" ? link.from : link.to) : f;
          return (
            <List.Item key={`${f.flag}-${f.kind}-${f.key}-${f.linkIndex ?? ""}`}>
              <Text size="sm" span>
                {t(`planningChain.flags.${f.flag}`)}:{" "}
              </Text>
              <Anchor component="button" type="button" size="sm" onClick={() => setFocus(refOf(anchor))}>
                {label(refOf(anchor))}
              </Anchor>
              {link && (
                <Text size="sm" span c="dimmed">
                  {" "}
                  {t("planningChain.missingEnd", {
                    kind: t(`planningChain.kinds.${f.kind}`),
                    key: f.key,
                  })}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}
