import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { useSite } from "../../../app/data/structure.ts";
import { useProfessionals } from "../../../app/data/teams.ts";
import { DateField } from "../../../app/date-field.tsx";
import { useFormErrors, useRevealFirstError } from "../../../app/form-errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { Page, QueryView } from "../../../app/page.tsx";
import { todayIso } from "../../../app/today.ts";
import type { SiteDetail } from "../../../app/types.ts";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import { notifySaved } from "../../../app/ui/notify.ts";
import { useCreateReview, useFidelityScales } from "../api.ts";
import type { FidelityScale } from "../types.ts";
import { RatersFields } from "./raters-fields.tsx";
import { RatingGrid } from "./rating-grid.tsx";
import { newRater, type ReviewDraft, reviewBodyOf } from "./review-draft.ts";
import { useDefaultScale } from "./use-default-scale.ts";

const TOP = new Set(["scale", "programmeId", "siteId", "professionalId", "reviewDate", "notes", "raters"]);
const isShown = (p: string) => TOP.has(p) || /^raters\.\d+\.(rater|ratings\.[^.]+)$/.test(p);

/** Record a fidelity or integrity review of a site (or of one of its therapists) by one or more raters. */
export function ReviewFormPage() {
  const siteId = Number(useParams().id);
  const site = useSite(siteId);
  const scales = useFidelityScales();
  return (
    <QueryView query={site}>
      {(s) => <QueryView query={scales}>{(list) => <ReviewForm site={s} scales={list} />}</QueryView>}
    </QueryView>
  );
}

function ReviewForm({ site, scales }: { site: SiteDetail; scales: FidelityScale[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateReview();
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const form = useRef<HTMLFormElement>(null);
  useRevealFirstError(form, errors);
  const [draft, setDraft] = useState<ReviewDraft>(() => ({
    programmeId:
      params.get("programmeId") ?? (site.programmes.length === 1 ? String(site.programmes[0]!.id) : null),
    // Not chosen: the scale of the programme's practice (below)
    scale: params.get("scale"),
    professionalId: null,
    reviewDate: todayIso(),
    notes: "",
    raters: [newRater(), newRater()],
  }));
  const fallback = useDefaultScale(scales, draft.programmeId === null ? null : Number(draft.programmeId));
  const scaleCode = draft.scale ?? fallback ?? null;
  const scale = scales.find((s) => s.code === scaleCode);
  const therapistLevel = scale?.levels.includes("therapist") ?? false;
  const professionals = useProfessionals(site.id, therapistLevel);
  const set = (patch: Partial<ReviewDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const rate = useCallback(
    (key: number, item: string, value: number | string) =>
      setDraft((d) => ({
        ...d,
        raters: d.raters.map((r) => (r.key === key ? { ...r, ratings: { ...r.ratings, [item]: value } } : r)),
      })),
    [],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    create.mutate(reviewBodyOf(site.id, { ...draft, scale: scaleCode }), {
      onSuccess: (r) => {
        notifySaved(t("measures.fidelity.saved"));
        navigate(`/fidelity/reviews/${r.id}`);
      },
      onError: fail,
    });
  };

  return (
    <Page
      title={t("measures.fidelity.newTitle", { site: site.code })}
      crumbs={[
        { label: site.code, to: `/sites/${site.id}` },
        { label: t("measures.fidelity.reviews"), to: `/sites/${site.id}/fidelity` },
        { label: t("measures.fidelity.new") },
      ]}
    >
      <form
        ref={form}
        onSubmit={submit}
        noValidate
        aria-label={t("measures.fidelity.newTitle", { site: site.code })}
      >
        <Stack gap="lg">
          <FormError message={errors.general} />
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <Select
                label={t("measures.fidelity.programme")}
                required
                data={site.programmes.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
                value={draft.programmeId}
                onChange={(programmeId) =>
                  // The ratings belong to the scale, which follows the programme unless chosen
                  set(
                    draft.scale === null
                      ? { programmeId, raters: draft.raters.map((r) => ({ ...r, ratings: {} })) }
                      : { programmeId },
                  )
                }
                error={field("programmeId") ?? field("siteId")}
              />
              <Select
                label={t("measures.fidelity.scale")}
                required
                allowDeselect={false}
                data={scales.map((s) => ({ value: s.code, label: s.name }))}
                value={scaleCode}
                onChange={(v) =>
                  v &&
                  set({
                    scale: v,
                    professionalId: null,
                    raters: draft.raters.map((r) => ({ ...r, ratings: {} })),
                  })
                }
                error={field("scale")}
              />
              <DateField
                label={t("measures.fidelity.reviewDate")}
                required
                value={draft.reviewDate}
                onChange={(reviewDate) => set({ reviewDate })}
                error={field("reviewDate")}
              />
              {therapistLevel && (
                <Select
                  label={t("measures.fidelity.therapist")}
                  placeholder={t("measures.fidelity.therapistHint")}
                  clearable
                  searchable
                  data={(professionals.data ?? []).map((p) => ({ value: String(p.id), label: p.code }))}
                  value={draft.professionalId}
                  onChange={(professionalId) => set({ professionalId })}
                  error={field("professionalId")}
                />
              )}
            </SimpleGrid>
          </Paper>
          {scale && (
            <Paper withBorder p="md" component="section" aria-labelledby="ratings-title">
              <Stack gap="md">
                <div>
                  <Title order={2} size="h4" id="ratings-title">
                    {t("measures.fidelity.ratings")}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t("measures.fidelity.ratingsHint", { min: scale.range.min, max: scale.range.max })}
                  </Text>
                </div>
                <RatersFields
                  raters={draft.raters}
                  onName={(key, rater) =>
                    set({ raters: draft.raters.map((r) => (r.key === key ? { ...r, rater } : r)) })
                  }
                  onAdd={() => set({ raters: [...draft.raters, newRater()] })}
                  onRemove={(key) => set({ raters: draft.raters.filter((r) => r.key !== key) })}
                  errorOf={(i) => field(`raters.${i}.rater`)}
                />
                {field("raters") && (
                  <Text c="red.8" size="sm" role="alert">
                    {field("raters")}
                  </Text>
                )}
                <RatingGrid
                  scale={scale}
                  raters={draft.raters}
                  onRate={rate}
                  errorOf={(i, item) => field(`raters.${i}.ratings.${item}`)}
                />
                <Text size="xs" c="dimmed">
                  {scale.notice} {scale.source}
                </Text>
              </Stack>
            </Paper>
          )}
          <GrowingTextarea
            label={t("measures.fidelity.notes")}
            value={draft.notes}
            onChange={(text) => set({ notes: text })}
            error={field("notes")}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t("measures.fidelity.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
