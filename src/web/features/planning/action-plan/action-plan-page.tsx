import { Badge, Button, Group, SegmentedControl, Text } from "@mantine/core";
import { IconCopy } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { AddButton } from "../../../app/ui/list-buttons.tsx";
import { PlanningLinksPanel } from "../../protocols/public.ts";
import { ArtefactFrame } from "../artefact-frame.tsx";
import { type ArtefactEditorProps, ScopedArtefactPage } from "../artefact-page.tsx";
import { ChainLinksPanel } from "../chain/chain-links-panel.tsx";
import { newId } from "../new-id.ts";
import type { ActionPlanContent } from "../types.ts";
import { useArtefactDraft } from "../use-artefact-draft.ts";
import { ActivityModal } from "./activity-modal.tsx";
import { CopyToSitesModal } from "./copy-to-sites-modal.tsx";
import { Gantt } from "./gantt.tsx";
import {
  type ActivityValues,
  activitiesOf,
  isOverdue,
  planBody,
  putActivity,
  removeActivity,
  STATUS_COLOR,
  STATUSES,
  shiftActivity,
} from "./plan-model.ts";
import { PlanTree } from "./plan-tree.tsx";
import { TitleModal } from "./title-modal.tsx";
import { useTocOutputs } from "./toc-outputs.ts";

/** The action plan of the region or of one site: the tree of areas and activities, and its timeline. */
export function ActionPlanPage() {
  return <ScopedArtefactPage segment="action-plan" editor={PlanEditor} />;
}

type EditingActivity = {
  area: number;
  sub: number;
  index: number | null;
  values: ActivityValues;
  choose: boolean;
};
type EditingTitle = { kind: "area" | "sub" | "newArea" | "newSub"; area: number; sub: number };

const blank = (today: string): ActivityValues => ({
  originId: null,
  title: "",
  description: "",
  responsibleActor: "",
  responsibleProfessionalCode: null,
  start: today,
  end: today,
  stakeholders: [],
  targetPopulation: "",
  finalBeneficiaries: "",
  status: "planned",
  tocOutputNodeId: null,
});

function PlanEditor({ programme, place, scope, path, doc }: ArtefactEditorProps<ActionPlanContent>) {
  const { t } = useTranslation();
  const draft = useArtefactDraft({ programmeId: programme.id, path, doc, toBody: planBody });
  const plan = draft.draft;
  const today = plan.summary.today;
  const outputs = useTocOutputs(programme.id, scope);
  const [params, setParams] = useSearchParams();
  const view = params.get("view") === "timeline" ? "timeline" : "plan";
  const [activity, setActivity] = useState<EditingActivity | null>(null);
  const [titled, setTitled] = useState<EditingTitle | null>(null);
  const [copying, setCopying] = useState(false);

  // Arriving from a Theory of Change output: plan an activity that serves it.
  const fromOutput = params.get("fromOutput");
  const output = outputs.find((o) => o.id === fromOutput);
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!fromOutput || !output || !draft.canEdit || handled.current === fromOutput) return;
    handled.current = fromOutput;
    setActivity({
      area: 0,
      sub: 0,
      index: null,
      values: { ...blank(today), title: output.text, tocOutputNodeId: output.id },
      choose: true,
    });
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.delete("fromOutput");
        return next;
      },
      { replace: true },
    );
  }, [fromOutput, output, draft.canEdit, today, setParams]);

  const all = activitiesOf(plan);
  const overdue = all.filter((l) => isOverdue(l.activity, today)).length;
  const subChoices = plan.strategicAreas.flatMap((a, i) =>
    a.subAreas.map((s, j) => ({ value: `${i}:${j}`, label: `${a.title} › ${s.title}` })),
  );

  const saveActivity = (values: ActivityValues, where: string | null) => {
    if (!activity) return;
    const [area, sub] = where
      ? (where.split(":").map(Number) as [number, number])
      : [activity.area, activity.sub];
    const id =
      activity.index === null
        ? newId("act")
        : plan.strategicAreas[activity.area]!.subAreas[activity.sub]!.activities[activity.index]!.id;
    draft.setDraft((d) => putActivity(d, area, sub, activity.index, values, id));
    setActivity(null);
  };

  const saveTitle = (v: { title: string; description: string }) => {
    if (!titled) return;
    draft.setDraft((d) => {
      const areas = [...d.strategicAreas];
      if (titled.kind === "newArea")
        areas.push({ id: newId("sa"), title: v.title, description: v.description, subAreas: [] });
      else if (titled.kind === "area") areas[titled.area] = { ...areas[titled.area]!, ...v };
      else {
        const subs = [...areas[titled.area]!.subAreas];
        if (titled.kind === "newSub") subs.push({ id: newId("sub"), title: v.title, activities: [] });
        else subs[titled.sub] = { ...subs[titled.sub]!, title: v.title };
        areas[titled.area] = { ...areas[titled.area]!, subAreas: subs };
      }
      return { ...d, strategicAreas: areas };
    });
    setTitled(null);
  };

  const open = (area: number, sub: number, index: number) => {
    const {
      id: _i,
      overdue: _o,
      tocOutput: _t,
      ...values
    } = plan.strategicAreas[area]!.subAreas[sub]!.activities[index]!;
    setActivity({ area, sub, index, values, choose: false });
  };

  return (
    <ArtefactFrame
      place={place}
      label={t("planning.plan.title")}
      draft={draft}
      pdf
      toolbar={
        <>
          <SegmentedControl
            aria-label={t("planning.plan.view")}
            value={view}
            onChange={(v) =>
              setParams(
                (p) => {
                  const next = new URLSearchParams(p);
                  if (v === "timeline") next.set("view", "timeline");
                  else next.delete("view");
                  return next;
                },
                { replace: true },
              )
            }
            data={[
              { value: "plan", label: t("planning.plan.tree") },
              { value: "timeline", label: t("planning.plan.timeline") },
            ]}
          />
          {scope.siteId === null && draft.canEdit && draft.base.version > 0 && (
            <Button
              variant="default"
              leftSection={<IconCopy size={16} aria-hidden="true" />}
              onClick={() => setCopying(true)}
              disabled={draft.dirty}
            >
              {t("planning.plan.copy")}
            </Button>
          )}
        </>
      }
    >
      <Group gap="xs" aria-label={t("planning.plan.summary")} role="group">
        <Text size="sm">{t("planning.plan.count", { count: all.length })}</Text>
        <Badge
          color={overdue ? "red" : "gray"}
          variant={overdue ? "filled" : "light"}
          tt="none"
          data-testid="overdue-count"
        >
          {t("planning.plan.overdueCount", { count: overdue })}
        </Badge>
        {STATUSES.map((s) => {
          const n = all.filter((l) => l.activity.status === s).length;
          return n ? (
            <Badge key={s} color={STATUS_COLOR[s]} c="dark.7" variant="light" tt="none">
              {t(`planning.plan.status.${s}`)}: {n}
            </Badge>
          ) : null;
        })}
      </Group>
      {view === "timeline" ? (
        <Gantt
          plan={plan}
          today={today}
          canEdit={draft.canEdit}
          onShift={(id, days) => draft.setDraft((d) => shiftActivity(d, id, days))}
          onOpen={(l) => open(l.area, l.sub, l.index)}
        />
      ) : (
        <PlanTree
          plan={plan}
          today={today}
          canEdit={draft.canEdit}
          outputs={outputs}
          errorOf={(a, s, i) => draft.fieldTree(`strategicAreas.${a}.subAreas.${s}.activities.${i}`)}
          onAddActivity={(area, sub) =>
            setActivity({ area, sub, index: null, values: blank(today), choose: false })
          }
          onEditActivity={open}
          onRemoveActivity={(a, s, i) => draft.setDraft((d) => removeActivity(d, a, s, i))}
          onEditArea={(area) => setTitled({ kind: "area", area, sub: 0 })}
          onAddSubArea={(area) => setTitled({ kind: "newSub", area, sub: 0 })}
          onEditSubArea={(area, sub) => setTitled({ kind: "sub", area, sub })}
        />
      )}
      {draft.canEdit && view === "plan" && (
        <AddButton size="sm" w="fit-content" onClick={() => setTitled({ kind: "newArea", area: 0, sub: 0 })}>
          {t("planning.plan.addArea")}
        </AddButton>
      )}
      {view === "plan" && (
        <PlanningLinksPanel
          programmeId={programme.id}
          siteId={scope.siteId}
          itemKind="activity"
          canEditPlan={draft.canEdit}
          items={draft.base.content.strategicAreas.flatMap((a) =>
            a.subAreas.flatMap((s) => s.activities.map((x) => ({ id: x.id, text: x.title }))),
          )}
        />
      )}
      {activity && (
        <ActivityModal
          title={
            activity.index === null
              ? t("planning.plan.newActivity")
              : t("common.editNamed", { name: activity.values.title })
          }
          initial={activity.values}
          subAreas={activity.choose ? subChoices : null}
          subArea={activity.choose ? (subChoices[0]?.value ?? null) : null}
          outputs={outputs}
          extra={
            activity.index !== null ? (
              <ChainLinksPanel
                programmeId={programme.id}
                scope={scope}
                kind="activity"
                itemKey={
                  plan.strategicAreas[activity.area]!.subAreas[activity.sub]!.activities[activity.index]!.id
                }
              />
            ) : undefined
          }
          onSubmit={saveActivity}
          onClose={() => setActivity(null)}
        />
      )}
      {titled && (
        <TitleModal
          title={t(`planning.plan.titleModal.${titled.kind}`)}
          withDescription={titled.kind === "area" || titled.kind === "newArea"}
          initial={
            titled.kind === "area"
              ? {
                  title: plan.strategicAreas[titled.area]!.title,
                  description: plan.strategicAreas[titled.area]!.description,
                }
              : titled.kind === "sub"
                ? { title: plan.strategicAreas[titled.area]!.subAreas[titled.sub]!.title, description: "" }
                : { title: "", description: "" }
          }
          onSubmit={saveTitle}
          onClose={() => setTitled(null)}
        />
      )}
      {copying && (
        <CopyToSitesModal
          programme={programme}
          regionalVersion={draft.base.version}
          onClose={() => setCopying(false)}
        />
      )}
    </ArtefactFrame>
  );
}
