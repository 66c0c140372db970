import { Badge, Group, Text } from "@mantine/core";
import {
  IconClipboardCheck,
  IconDoorEnter,
  IconDoorExit,
  IconFileText,
  IconStethoscope,
  IconUsersGroup,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type {
  CatalogueType,
  Intervention,
  PlanState,
  TimelineEvent,
} from "../../../app/data/registry-types.ts";
import { useTypeLabel } from "../labels.ts";

export const EVENT_ICONS: Record<TimelineEvent["kind"], typeof IconStethoscope> = {
  enrolment: IconDoorEnter,
  enrolment_end: IconDoorExit,
  intervention: IconStethoscope,
  group_session: IconUsersGroup,
  assessment: IconClipboardCheck,
  plan_version: IconFileText,
};

type Respondent = "patient" | "clinician" | "family";
type Timepoint = "baseline" | "follow_up" | "end" | "other";
const RESPONDENTS = new Set<string>(["patient", "clinician", "family"]);
const TIMEPOINTS = new Set<string>(["baseline", "follow_up", "end", "other"]);

function InterventionFacts({ i }: { i: Intervention }) {
  const { t } = useTranslation();
  const facts = [
    t(`registry.setting.${i.setting}`),
    t(`registry.recipient.${i.recipient}`),
    i.professionalCode &&
      (i.professionalProfile
        ? `${i.professionalCode} (${t(`profiles.${i.professionalProfile}`)})`
        : i.professionalCode),
    i.durationMin !== null && t("registry.intervention.minutes", { count: i.durationMin }),
    i.module && t("registry.intervention.moduleValue", { module: i.module }),
  ].filter(Boolean);
  return (
    <Text size="xs" c="dimmed">
      {facts.join(" · ")}
    </Text>
  );
}

function PlanFacts({ state }: { state: PlanState }) {
  const { t } = useTranslation();
  const flags: Array<[boolean, string]> = [
    [
      state.sharedWithPatientDate !== null,
      t("registry.plan.discussedOn", { date: state.sharedWithPatientDate }),
    ],
    [state.signedByPatient, t("registry.plan.signed")],
    [state.sharedWithSocialServices, t("registry.plan.socialServices")],
    [state.sharedWithWorkInclusion, t("registry.plan.workInclusion")],
    [state.integratedActionsStarted, t("registry.plan.integratedActions")],
  ];
  const on = flags.filter(([v]) => v).map(([, l]) => l);
  return (
    <Text size="xs" c="dimmed">
      {on.length ? on.join(" · ") : t("registry.plan.nothingYet")}
    </Text>
  );
}

/** The title and the facts of one event of the patient's timeline. */
export function TimelineEventBody({ event: e, types }: { event: TimelineEvent; types?: CatalogueType[] }) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel(types);
  let title: ReactNode;
  let body: ReactNode = null;
  switch (e.kind) {
    case "enrolment":
      title = t("registry.timeline.enrolled", { programme: e.programmeCode });
      break;
    case "enrolment_end":
      title = t("registry.timeline.ended", {
        programme: e.programmeCode,
        reason: t(`registry.endReasons.${e.endReason}`),
      });
      break;
    case "intervention":
      title = typeLabel(e.intervention.type);
      body = <InterventionFacts i={e.intervention} />;
      break;
    case "group_session":
      title = t("registry.timeline.groupSession", {
        type: typeLabel(e.intervention.type),
        group: e.group.name,
      });
      body = <InterventionFacts i={e.intervention} />;
      break;
    case "assessment":
      title = t("registry.timeline.assessment", { instrument: e.instrument });
      body = (
        <Text size="xs" c="dimmed">
          {[
            t("registry.timeline.respondent", {
              respondent: RESPONDENTS.has(e.respondent)
                ? t(`registry.respondents.${e.respondent as Respondent}`)
                : e.respondent,
            }),
            e.timepoint &&
              (TIMEPOINTS.has(e.timepoint)
                ? t(`registry.timepoints.${e.timepoint as Timepoint}`)
                : e.timepoint),
            e.totalScore !== null && t("registry.timeline.score", { score: e.totalScore }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
      );
      break;
    case "plan_version":
      title =
        e.version === 1
          ? t("registry.timeline.planCreated", { code: e.planCode })
          : t("registry.timeline.planVersion", { code: e.planCode, version: e.version });
      body = <PlanFacts state={e.state} />;
      break;
  }
  const psychosocial = (e.kind === "intervention" || e.kind === "group_session") && e.psychosocial;
  return (
    <>
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {psychosocial && (
          <Badge size="xs" variant="light" color="indigo" tt="none">
            {t("registry.timeline.psychosocial")}
          </Badge>
        )}
        {e.kind === "plan_version" && e.changedBy && (
          <Text size="xs" c="dimmed">
            {t("registry.timeline.by", { who: e.changedBy })}
          </Text>
        )}
      </Group>
      {body}
    </>
  );
}
