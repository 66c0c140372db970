import { Alert, Badge, Button, Group, Stack } from "@mantine/core";
import { IconDeviceFloppy, IconHistory, IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormError } from "../../app/form-modal.tsx";
import { Page } from "../../app/page.tsx";
import { startsFromRegion } from "./artefacts.ts";
import { CrossSiteLink } from "./cross-site-link.tsx";
import { ExportMenu } from "./export-menu.tsx";
import { RegionLinkPanel } from "./region-link-panel.tsx";
import { planningUrl, type Scope, scopeParam } from "./scope.ts";
import { ScopePicker } from "./scope-picker.tsx";
import { StaleAlert } from "./stale-alert.tsx";
import type { FrameDraft } from "./use-artefact-draft.ts";
import { type PlanningProgramme, scopeName } from "./use-planning-programme.ts";
import { VersionLine } from "./version-line.tsx";

/** Where an artefact's page stands: its programme, kind, scope (null for a programme-wide one) and API path. */
export interface ArtefactPlace {
  programme: PlanningProgramme;
  /** Address segment: `swot`, `toc`, `action-plan`, `roadmap`, `sana`. */
  artefact: string;
  scope: Scope | null;
  /** API path of the artefact. */
  path: string;
}

/**
 * The page around one artefact editor: title and scope, version, history, exports, the save
 * button (only for those the server lets edit) and the answer to a refused save.
 */
export function ArtefactFrame({
  place,
  label,
  draft,
  pdf = false,
  exportExtra,
  toolbar,
  crossSite,
  history = true,
  children,
}: {
  place: ArtefactPlace;
  label: string;
  draft: FrameDraft;
  pdf?: boolean;
  exportExtra?: ReactNode;
  toolbar?: ReactNode;
  /** The artefact's view across the programme's sites, linked beside the scope for those who see every site. */
  crossSite?: { page: string; label: string };
  /** Whether the artefact has a history page (questionnaire responses do not yet). */
  history?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { programme, artefact, scope, path } = place;
  const where = scope ? scopeName(programme, scope, t("planning.region")) : null;
  const historyUrl = planningUrl(programme.id, artefact, scope ? scopeParam(scope) : "definition", "history");
  return (
    <Page
      title={where ? `${label} · ${where}` : label}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("planning.title"), to: planningUrl(programme.id) },
        { label },
      ]}
      subtitle={<VersionLine {...draft.base} />}
      actions={
        <>
          {history && (
            <Button
              component={Link}
              to={historyUrl}
              variant="default"
              leftSection={<IconHistory size={16} aria-hidden="true" />}
            >
              {t("planning.history.title")}
            </Button>
          )}
          <ExportMenu programmeId={programme.id} path={path} pdf={pdf} extra={exportExtra} />
        </>
      }
    >
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end">
          {scope && <ScopePicker programme={programme} artefact={artefact} scope={scope} />}
          {toolbar}
          {crossSite && <CrossSiteLink programmeId={programme.id} {...crossSite} />}
        </Group>
        {draft.canEdit ? (
          <Group>
            {draft.dirty && (
              <>
                <Badge color="orange" variant="light" size="lg" tt="none">
                  {t("planning.unsaved")}
                </Badge>
                <Button variant="default" onClick={draft.discard}>
                  {t("planning.discard")}
                </Button>
              </>
            )}
            <Button
              onClick={() => draft.save()}
              loading={draft.saving}
              disabled={!draft.dirty}
              leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
            >
              {t("planning.saveVersion", { version: draft.base.version + 1 })}
            </Button>
          </Group>
        ) : (
          <Badge
            color="gray"
            variant="light"
            size="lg"
            tt="none"
            leftSection={<IconLock size={14} aria-hidden="true" />}
          >
            {t("planning.readOnly")}
          </Badge>
        )}
      </Group>
      <Stack gap="xs">
        {draft.stale ? (
          <StaleAlert message={draft.errors.general} onReload={() => void draft.reload()} />
        ) : (
          <FormError message={draft.errors.general} />
        )}
        {!draft.canEdit && (
          <Alert color="gray" variant="light">
            {t(
              scope?.siteId === null
                ? "planning.readOnlyRegion"
                : scope
                  ? "planning.readOnlySite"
                  : "planning.readOnlyDefinition",
            )}
          </Alert>
        )}
      </Stack>
      {scope && scope.siteId !== null && startsFromRegion(artefact) && (
        <RegionLinkPanel programmeId={programme.id} path={path} what={label} dirty={draft.dirty} />
      )}
      {children}
      {draft.guard}
    </Page>
  );
}
