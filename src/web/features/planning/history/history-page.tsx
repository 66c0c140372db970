import { Button, Group, Radio, Select, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { NotFoundPage } from "../../../app/not-found-page.tsx";
import { Page, QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import { TitledPanel } from "../../../app/ui/titled-panel.tsx";
import { useComparison, useVersion, useVersions } from "../api.ts";
import { type ArtefactSegment, apiPathOf } from "../artefacts.ts";
import { useDateTime } from "../format.ts";
import { parseScope, planningUrl } from "../scope.ts";
import type { VersionSummary } from "../types.ts";
import { type PlanningProgramme, scopeName, usePlanningProgramme } from "../use-planning-programme.ts";
import { ChangeList } from "./change-list.tsx";

/** Every version of an artefact, who saved it when, and the comparison of two of them. */
export function HistoryPage() {
  const params = useParams();
  const programme = usePlanningProgramme(Number(params.id));
  const segment = params.artefact ?? "";
  const scope = params.scope === "definition" ? "definition" : parseScope(params.scope);
  const path = scope ? apiPathOf(segment, scope) : null;
  if (!path || !scope) return <NotFoundPage />;
  return (
    <QueryView query={programme}>
      {(p) => (
        <History
          programme={p}
          segment={segment}
          path={path}
          where={scope === "definition" ? null : scopeName(p, scope, "")}
          back={planningUrl(p.id, segment, ...(scope === "definition" ? [] : [params.scope!]))}
        />
      )}
    </QueryView>
  );
}

function History({
  programme,
  segment,
  path,
  where,
  back,
}: {
  programme: PlanningProgramme;
  segment: string;
  path: string;
  where: string | null;
  back: string;
}) {
  const { t } = useTranslation();
  const versions = useVersions(programme.id, path);
  const label: string = t(`planning.segments.${segment as ArtefactSegment}`);
  const title = `${t("planning.history.title")} · ${label}${where === null ? "" : ` · ${where || t("planning.region")}`}`;
  return (
    <Page
      title={title}
      subtitle={t("planning.history.subtitle")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("planning.title"), to: planningUrl(programme.id) },
        { label, to: back },
        { label: t("planning.history.title") },
      ]}
      actions={
        <Button component={Link} to={back} variant="default">
          {t("planning.history.back", { what: label })}
        </Button>
      }
    >
      <QueryView query={versions}>
        {(list) => <VersionsAndComparison programmeId={programme.id} path={path} versions={list} />}
      </QueryView>
    </Page>
  );
}

function VersionsAndComparison({
  programmeId,
  path,
  versions,
}: {
  programmeId: number;
  path: string;
  versions: VersionSummary[];
}) {
  const { t } = useTranslation();
  const when = useDateTime();
  const [from, setFrom] = useState<number | null>(versions[1]?.version ?? null);
  const [to, setTo] = useState<number | null>(versions[0]?.version ?? null);
  const options = versions.map((v) => ({
    value: String(v.version),
    label: t("planning.history.versionOption", { version: v.version, who: v.savedBy, when: when(v.savedAt) }),
  }));
  return (
    <>
      <DataTable
        caption={t("planning.history.versions")}
        head={[
          t("planning.history.version"),
          t("planning.history.savedAt"),
          t("planning.history.savedBy"),
          t("planning.history.from"),
          t("planning.history.to"),
        ]}
        rowCount={versions.length}
        empty={t("planning.history.none")}
      >
        {versions.map((v) => (
          <Table.Tr key={v.version}>
            <Table.Td>{v.version}</Table.Td>
            <Table.Td>{when(v.savedAt)}</Table.Td>
            <Table.Td>{v.savedBy}</Table.Td>
            <Table.Td>
              <Radio
                aria-label={t("planning.history.compareFrom", { version: v.version })}
                name="from"
                checked={from === v.version}
                onChange={() => setFrom(v.version)}
              />
            </Table.Td>
            <Table.Td>
              <Radio
                aria-label={t("planning.history.compareTo", { version: v.version })}
                name="to"
                checked={to === v.version}
                onChange={() => setTo(v.version)}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {versions.length > 1 && (
        <TitledPanel title={t("planning.history.compare")}>
          <Group mb="md" align="flex-end">
            <Select
              label={t("planning.history.fromVersion")}
              data={options}
              value={from === null ? null : String(from)}
              onChange={(v) => setFrom(v ? Number(v) : null)}
              allowDeselect={false}
              w={340}
            />
            <Select
              label={t("planning.history.toVersion")}
              data={options}
              value={to === null ? null : String(to)}
              onChange={(v) => setTo(v ? Number(v) : null)}
              allowDeselect={false}
              w={340}
            />
          </Group>
          {from === to ? (
            <Text size="sm" c="dimmed">
              {t("planning.history.sameVersion")}
            </Text>
          ) : (
            <Comparison programmeId={programmeId} path={path} from={from} to={to} />
          )}
        </TitledPanel>
      )}
    </>
  );
}

function Comparison({
  programmeId,
  path,
  from,
  to,
}: {
  programmeId: number;
  path: string;
  from: number | null;
  to: number | null;
}) {
  const comparison = useComparison(programmeId, path, from, to);
  const a = useVersion<unknown>(programmeId, path, from);
  const b = useVersion<unknown>(programmeId, path, to);
  // The versions' contents name the items the changes' paths point at: wait for all three.
  const all = {
    data: comparison.data && a.data && b.data ? { c: comparison.data, from: a.data, to: b.data } : undefined,
    error: comparison.error ?? a.error ?? b.error,
    isPending: comparison.isPending || a.isPending || b.isPending,
  };
  return (
    <QueryView query={all}>
      {({ c, from: f, to: t }) => <ChangeList changes={c.changes} from={f.content} to={t.content} />}
    </QueryView>
  );
}
