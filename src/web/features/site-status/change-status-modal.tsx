import { Select, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SITE_STATUS_REASONS, SITE_STATUSES } from "../../../shared/vocabulary.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { GrowingTextarea } from "../../app/ui/note-field.tsx";
import { StaleAlert } from "../../app/ui/stale-alert.tsx";
import { useChangeSiteStatus } from "./api.ts";
import type { SiteStatus, SiteStatusRow } from "./types.ts";

const SHOWN = new Set(["status", "effectiveDate", "reason", "note"]);

/**
 * Record a change of a site's status. Optimistic locking: the number of changes the user saw
 * goes as `baseVersion`; when someone recorded one meanwhile the server answers 409 and the
 * user loads the latest before trying again — nothing is overwritten.
 */
export function ChangeStatusModal({
  programmeId,
  site,
  onReload,
  onClose,
}: {
  programmeId: number;
  site: SiteStatusRow;
  /** Read the table again; resolves with this site's row as it now stands. */
  onReload: () => Promise<SiteStatusRow | undefined>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeSiteStatus(programmeId);
  const labels = {
    status: t("siteStatus.fields.status"),
    effectiveDate: t("siteStatus.fields.effectiveDate"),
    reason: t("siteStatus.fields.reason"),
    note: t("siteStatus.fields.note"),
  };
  const { save, errors, clear, field, frame } = useModalSave(change, {
    isShown: (p) => SHOWN.has(p),
    onClose,
    saved: (saved) =>
      t("siteStatus.saved", {
        site: saved.siteCode,
        status: t(`siteStatus.status.${saved.current?.status ?? "none"}`),
      }),
    labels,
    valueLabel: (path, value) =>
      path === "status"
        ? t(`siteStatus.status.${String(value) as SiteStatus}`)
        : path === "reason"
          ? t(`siteStatus.reason.${String(value) as (typeof SITE_STATUS_REASONS)[number]}`)
          : String(value),
  });
  const [base, setBase] = useState(site);
  const [status, setStatus] = useState<string | null>(null);
  const [effectiveDate, setDate] = useState<string | null>(todayIso());
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const stale = errors.error?.code === "stale_version";

  const submit = () => {
    save({
      siteId: site.siteId,
      body: {
        status: status as never,
        effectiveDate: effectiveDate ?? "",
        reason: (reason ?? null) as never,
        note,
        baseVersion: base.version,
      },
    });
  };

  const reload = async () => {
    const latest = await onReload();
    if (!latest) return;
    clear();
    setBase(latest);
  };

  return (
    <FormModal
      {...frame}
      title={t("siteStatus.changeTitle", { site: site.siteCode })}
      onSubmit={submit}
      general={stale ? null : errors.general}
    >
      {stale && <StaleAlert message={errors.general} onReload={() => void reload()} />}
      <Text size="sm">
        {t("siteStatus.currentIs", {
          status: t(`siteStatus.status.${base.current?.status ?? "none"}`),
        })}
      </Text>
      <Select
        label={labels.status}
        required
        placeholder={t("common.choose")}
        data={SITE_STATUSES.map((s) => ({ value: s, label: t(`siteStatus.status.${s}`) }))}
        value={status}
        onChange={setStatus}
        error={field("status")}
        data-autofocus
      />
      <ModalDateField
        label={labels.effectiveDate}
        required
        value={effectiveDate}
        onChange={setDate}
        error={field("effectiveDate")}
      />
      <Select
        label={labels.reason}
        description={t("siteStatus.reasonHint")}
        placeholder={t("common.choose")}
        clearable
        data={SITE_STATUS_REASONS.map((r) => ({ value: r, label: t(`siteStatus.reason.${r}`) }))}
        value={reason}
        onChange={setReason}
        error={field("reason")}
      />
      <GrowingTextarea
        label={labels.note}
        description={t("siteStatus.noteHint")}
        maxLength={500}
        value={note}
        onChange={setNote}
        error={field("note")}
      />
    </FormModal>
  );
}
