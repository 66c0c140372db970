import { Alert, Button, Collapse, Group, Stack, Text } from "@mantine/core";
import { IconArrowBackUp, IconGitBranch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "../../app/errors.ts";
import { FormError, FormModal } from "../../app/form-modal.tsx";
import { notifySaved } from "../../app/ui/notify.ts";
import { useRegionLink, useTakeRegionVersion } from "./api.ts";
import { ChangeList } from "./history/change-list.tsx";
import type { RegionLink } from "./types.ts";

/**
 * On a site's artefact that may start from the region's: where it stands — not started, following
 * the region's version N, edited here since, or behind a newer region version — with the changes
 * made here, the region's changes since, and "Start from / Take the region's version N".
 */
export function RegionLinkPanel({
  programmeId,
  path,
  what,
  dirty,
}: {
  programmeId: number;
  /** The site artefact's API path, e.g. `toc/sites/4`. */
  path: string;
  /** The artefact's name, for the sentences ("Theory of Change"). */
  what: string;
  /** Unsaved changes in the editor: taking the region's version waits until they are saved or discarded. */
  dirty: boolean;
}) {
  const link = useRegionLink(programmeId, path);
  if (!link.data) return null;
  return <Panel programmeId={programmeId} path={path} what={what} dirty={dirty} link={link.data} />;
}

function Panel({
  programmeId,
  path,
  what,
  dirty,
  link,
}: {
  programmeId: number;
  path: string;
  what: string;
  dirty: boolean;
  link: RegionLink;
}) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const take = useTakeRegionVersion(programmeId, path);
  const [showLocal, setShowLocal] = useState(false);
  const [showRegion, setShowRegion] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (link.status === "not_started" && link.regionVersion === 0) return null;
  if (link.status === "own" && !link.canTake) return null;

  const submit = () => {
    setError(null);
    take.mutate(
      { regionVersion: link.regionVersion, baseVersion: link.siteVersion },
      {
        onSuccess: (doc) => {
          setConfirming(false);
          notifySaved(
            t("planning.fromRegion.taken", { version: link.regionVersion, siteVersion: doc.version }),
          );
        },
        onError: (e) => setError(describe(e)),
      },
    );
  };
  const start = () => (link.status === "not_started" ? submit() : setConfirming(true));

  const lines: string[] = [];
  if (link.status === "not_started")
    lines.push(t("planning.fromRegion.notStarted", { what, version: link.regionVersion }));
  if (link.status === "own") lines.push(t("planning.fromRegion.own", { what }));
  if (link.status === "follows")
    lines.push(t("planning.fromRegion.followsLong", { version: link.startedFrom }));
  if (link.status === "edited")
    lines.push(
      t("planning.fromRegion.editedLong", {
        version: link.startedFrom,
        count: link.local?.changes.length ?? 0,
      }),
    );
  if (link.regionNewer && link.status !== "not_started")
    lines.push(t("planning.fromRegion.regionNewerLong", { version: link.regionVersion }));
  const color = link.status === "edited" ? "orange" : link.regionNewer ? "blue" : "teal";
  const title = t(
    link.status === "not_started" ? "planning.fromRegion.titleNotStarted" : "planning.fromRegion.title",
  );

  return (
    <Alert
      color={color}
      variant="light"
      icon={<IconGitBranch size={18} aria-hidden="true" />}
      title={title}
      styles={{ title: { color: "var(--mantine-color-text)" } }}
      role="region"
      aria-label={title}
      data-testid="region-link"
    >
      <Stack gap="xs">
        {lines.map((l) => (
          <Text key={l} size="sm">
            {l}
          </Text>
        ))}
        <Group gap="xs">
          {link.status === "edited" && link.local && (
            <Button
              variant="default"
              size="xs"
              aria-expanded={showLocal}
              onClick={() => setShowLocal((v) => !v)}
            >
              {t(showLocal ? "planning.fromRegion.hideLocal" : "planning.fromRegion.showLocal")}
            </Button>
          )}
          {link.regionNewer && link.region && (
            <Button
              variant="default"
              size="xs"
              aria-expanded={showRegion}
              onClick={() => setShowRegion((v) => !v)}
            >
              {t(showRegion ? "planning.fromRegion.hideRegion" : "planning.fromRegion.showRegion", {
                from: link.region.fromVersion,
                to: link.region.toVersion,
              })}
            </Button>
          )}
          {link.canTake && (link.regionNewer || link.status === "own" || link.status === "edited") && (
            <Button
              size="xs"
              leftSection={<IconArrowBackUp size={14} aria-hidden="true" />}
              onClick={start}
              disabled={dirty}
              loading={take.isPending && !confirming}
            >
              {t(link.status === "not_started" ? "planning.fromRegion.start" : "planning.fromRegion.take", {
                version: link.regionVersion,
              })}
            </Button>
          )}
        </Group>
        {link.canTake && dirty && (
          <Text size="xs" c="dimmed">
            {t("planning.fromRegion.saveFirst")}
          </Text>
        )}
        {!confirming && <FormError message={error} />}
        {link.local && (
          <Collapse expanded={showLocal}>
            <ChangeList changes={link.local.changes} from={link.local.from} to={link.local.to} />
          </Collapse>
        )}
        {link.region && (
          <Collapse expanded={showRegion}>
            <ChangeList changes={link.region.changes} from={link.region.from} to={link.region.to} />
          </Collapse>
        )}
      </Stack>
      <FormModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("planning.fromRegion.confirmTitle", { version: link.regionVersion })}
        onSubmit={submit}
        saving={take.isPending}
        general={error}
        submitLabel={t("planning.fromRegion.take", { version: link.regionVersion })}
      >
        <Text size="sm">{t("planning.fromRegion.confirm", { what, version: link.siteVersion })}</Text>
      </FormModal>
    </Alert>
  );
}
