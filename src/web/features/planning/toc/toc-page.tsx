import { Alert, Anchor, Box, Button, Group, List, Paper, Stack, Text } from "@mantine/core";
import { IconLayoutDistributeHorizontal } from "@tabler/icons-react";
import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ArtefactFrame } from "../artefact-frame.tsx";
import { type ArtefactEditorProps, ScopedArtefactPage } from "../artefact-page.tsx";
import { planningUrl, scopeParam } from "../scope.ts";
import type { TocContent } from "../types.ts";
import { useArtefactDraft } from "../use-artefact-draft.ts";
import { scopeName } from "../use-planning-programme.ts";
import { AddNodeForm } from "./add-node-form.tsx";
import { EdgePanel } from "./edge-panel.tsx";
import { useIndicatorValues } from "./indicator-values.ts";
import { NodePanel } from "./node-panel.tsx";
import { type Selection, TocCanvas } from "./toc-canvas.tsx";
import { TocExportItems } from "./toc-export-items.tsx";
import { layoutToc } from "./toc-layout.ts";
import { tocProblems } from "./toc-problems.ts";
import * as edit from "./toc-sketch.ts";

/** The Theory of Change of the region or of one site: a diagram editor. */
export function TocPage() {
  return <ScopedArtefactPage segment="toc" editor={TocInFlow} />;
}

/** The diagram's editor inside the React Flow store its canvas and panels share. */
function TocInFlow(props: ArtefactEditorProps<TocContent>) {
  return (
    <ReactFlowProvider>
      <TocEditor {...props} />
    </ReactFlowProvider>
  );
}

function TocEditor({ programme, place, scope, path, doc }: ArtefactEditorProps<TocContent>) {
  const { t } = useTranslation();
  const draft = useArtefactDraft({ programmeId: programme.id, path, doc, toBody: edit.tocBody });
  const toc = draft.draft;
  const { setDraft } = draft;
  const indicators = useIndicatorValues(programme, scope.siteId);
  const [selection, setSelection] = useState<Selection>(null);
  const problems = useMemo(() => tocProblems(draft.errors.fields, toc), [draft.errors.fields, toc]);
  const selectedNode = selection?.kind === "node" ? toc.nodes.find((n) => n.id === selection.id) : undefined;
  const selectedEdge = selection?.kind === "edge" ? toc.edges.find((e) => e.id === selection.id) : undefined;
  const where = scopeName(programme, scope, t("planning.region"));
  const label = (id: string) => toc.nodes.find((n) => n.id === id)?.text ?? id;

  const onMove = useCallback(
    (id: string, p: { x: number; y: number }) => setDraft((d) => edit.moveNode(d, id, p)),
    [setDraft],
  );
  const onConnect = useCallback(
    (from: string, to: string) => {
      let id = "";
      setDraft((d) => {
        const r = edit.addEdge(d, from, to);
        id = r.id;
        return r.toc;
      });
      setSelection({ kind: "edge", id });
    },
    [setDraft],
  );
  const onDelete = useCallback(
    (nodeIds: string[], edgeIds: string[]) => {
      setDraft((d) => edit.removeEdges(edit.removeNodes(d, nodeIds), edgeIds));
      setSelection(null);
    },
    [setDraft],
  );

  return (
    <ArtefactFrame
      place={place}
      label={t("planning.toc.title")}
      draft={draft}
      exportExtra={
        <TocExportItems
          toc={toc}
          title={`${programme.code} · ${t("planning.toc.title")} · ${where}`}
          fileParts={[
            programme.code,
            "toc",
            scope.siteId === null ? "region" : where.split(" ")[0]!,
            `v${draft.base.version}`,
          ]}
          values={indicators.byId}
        />
      }
      toolbar={
        draft.canEdit && (
          <Button
            variant="default"
            leftSection={<IconLayoutDistributeHorizontal size={16} aria-hidden="true" />}
            onClick={() => setDraft((d) => edit.layOut(d, layoutToc(d)))}
          >
            {t("planning.toc.layout")}
          </Button>
        )
      }
    >
      {(problems.edges.size > 0 || problems.nodes.size > 0) && (
        <Alert color="red" variant="light" role="alert" title={t("planning.toc.refused")}>
          <List size="sm" spacing={4}>
            {toc.edges
              .filter((e) => problems.edges.has(e.id))
              .map((e) => (
                <List.Item key={e.id}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => setSelection({ kind: "edge", id: e.id })}
                  >
                    {t("planning.toc.arrowFromTo", { from: label(e.from), to: label(e.to) })}
                  </Anchor>
                  : {problems.edges.get(e.id)}
                </List.Item>
              ))}
            {toc.nodes
              .filter((n) => problems.nodes.has(n.id))
              .map((n) => (
                <List.Item key={n.id}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => setSelection({ kind: "node", id: n.id })}
                  >
                    {n.text}
                  </Anchor>
                  : {problems.nodes.get(n.id)}
                </List.Item>
              ))}
          </List>
        </Alert>
      )}
      <Group align="stretch" wrap="nowrap" gap="md">
        <Paper
          withBorder
          style={{ flex: 1, minWidth: 0 }}
          h={720}
          aria-label={t("planning.toc.diagram")}
          role="group"
        >
          {toc.nodes.length === 0 ? (
            <Box p="xl">
              <Text c="dimmed">{t("planning.toc.empty")}</Text>
            </Box>
          ) : (
            <TocCanvas
              toc={toc}
              canEdit={draft.canEdit}
              values={indicators.byId}
              problems={problems}
              selection={selection}
              onSelect={setSelection}
              onMove={onMove}
              onConnect={onConnect}
              onDelete={onDelete}
            />
          )}
        </Paper>
        <Stack w={300} gap="sm" style={{ flexShrink: 0 }}>
          {draft.canEdit && (
            <AddNodeForm
              onAdd={(type, text) => {
                let id = "";
                setDraft((d) => {
                  const r = edit.addNode(d, type, text);
                  id = r.id;
                  return r.toc;
                });
                setSelection({ kind: "node", id });
              }}
            />
          )}
          {selectedNode && (
            <NodePanel
              key={selectedNode.id}
              node={selectedNode}
              toc={toc}
              canEdit={draft.canEdit}
              catalogue={indicators.catalogue}
              problem={problems.nodes.get(selectedNode.id)}
              onChange={(patch) => setDraft((d) => edit.changeNode(d, selectedNode.id, patch))}
              onConnect={(to, rationale) =>
                setDraft((d) => edit.addEdge(d, selectedNode.id, to, rationale).toc)
              }
              onRemove={() => onDelete([selectedNode.id], [])}
              planUrl={
                selectedNode.type === "output" &&
                draft.base.content.nodes.some((n) => n.id === selectedNode.id && n.type === "output")
                  ? `${planningUrl(programme.id, "action-plan", scopeParam(scope))}?fromOutput=${encodeURIComponent(selectedNode.id)}`
                  : undefined
              }
            />
          )}
          {selectedEdge && (
            <EdgePanel
              key={selectedEdge.id}
              edge={selectedEdge}
              toc={toc}
              canEdit={draft.canEdit}
              problem={problems.edges.get(selectedEdge.id)}
              onChange={(rationale) => setDraft((d) => edit.changeEdge(d, selectedEdge.id, { rationale }))}
              onRemove={() => onDelete([], [selectedEdge.id])}
            />
          )}
          {!selection && (
            <Text size="sm" c="dimmed">
              {t("planning.toc.selectHint")}
            </Text>
          )}
        </Stack>
      </Group>
    </ArtefactFrame>
  );
}
