import { Alert, Button, Group, List, Paper, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconCircleCheck, IconPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useInterventionDefaults, useRecordBatch } from "../../../app/data/registry.ts";
import type { Intervention, InterventionDefaults } from "../../../app/data/registry-types.ts";
import { useSite } from "../../../app/data/structure.ts";
import { useProfessionals } from "../../../app/data/teams.ts";
import { DateField } from "../../../app/date-field.tsx";
import { useFormErrors } from "../../../app/form-errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { Page, QueryView } from "../../../app/page.tsx";
import { ScrollTable, TableHead } from "../../../app/table.tsx";
import type { Professional, SiteDetail } from "../../../app/types.ts";
import { notifySaved } from "../../../app/ui/notify.ts";
import { sentNumber } from "../../../app/ui/read-number.ts";
import { SiteRegistryNav } from "../site-registry-nav.tsx";
import { BatchRow, type BatchRowValues, ROW_FIELDS } from "./batch-row.tsx";
import { useInterventionOptions } from "./intervention-options.ts";

/** Every `rows.N.…` path is the form's: shown in the row's cell or under the row. */
const isShown = (p: string) => /^rows\.\d+\./.test(p) || p === "rows";

/**
 * The day form: a whole day's interventions at a site, one row each, recorded at once (all or
 * nothing). The server's problems come back as `body.rows.N.field` and show on row N.
 */
export function BatchEntryPage() {
  const siteId = Number(useParams().id);
  const site = useSite(siteId);
  const defaults = useInterventionDefaults(siteId);
  const professionals = useProfessionals(siteId);
  return (
    <QueryView query={site}>
      {(s) => (
        <QueryView query={defaults}>
          {(d) => <BatchEntryView site={s} defaults={d} professionals={professionals.data} />}
        </QueryView>
      )}
    </QueryView>
  );
}

function BatchEntryView({
  site,
  defaults,
  professionals,
}: {
  site: SiteDetail;
  defaults: InterventionDefaults;
  professionals: Professional[] | undefined;
}) {
  const { t } = useTranslation();
  const record = useRecordBatch();
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const options = useInterventionOptions(defaults, professionals);
  const [day, setDay] = useState<string | null>(defaults.date);
  const [professional, setProfessional] = useState<string | null>(defaults.professionalCode);
  const [nextKey, setNextKey] = useState(1);
  const blank = (key: number, like?: BatchRowValues): BatchRowValues => ({
    key,
    patient: null,
    type: like?.type ?? defaults.type,
    setting: like?.setting ?? defaults.setting,
    recipient: like?.recipient ?? defaults.recipient,
    duration: like?.duration ?? defaults.durationMin ?? "",
    module: like?.module ?? null,
  });
  const [rows, setRows] = useState<BatchRowValues[]>(() => [blank(0)]);
  const [done, setDone] = useState<Array<Intervention & { patientCode: string }>>([]);

  const addRow = () => {
    setRows((rs) => [...rs, blank(nextKey, rs[rs.length - 1])]);
    setNextKey((k) => k + 1);
  };
  const rowError = (i: number) => (f: string) => field(`rows.${i}.${f}`);
  const otherRowErrors = (i: number) =>
    Object.entries(errors.fields)
      .filter(([k]) => k.startsWith(`rows.${i}.`) && !ROW_FIELDS.some((f) => k === `rows.${i}.${f}`))
      .map(([k, m]) => `${k.slice(`rows.${i}.`.length)}: ${m}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    const sent = rows;
    record.mutate(
      sent.map((r) => ({
        // A row without a patient or a type goes as it is: the server names the field.
        patientId: (r.patient?.id ?? null) as number,
        siteId: site.id,
        date: day ?? "",
        type: r.type ?? "",
        setting: r.setting,
        recipient: r.recipient,
        professionalCode: professional,
        professionalProfile: options.profileOf(professional),
        durationMin: sentNumber(r.duration),
        module: r.module,
      })),
      {
        onSuccess: ({ items }) => {
          notifySaved(t("registry.batch.recorded", { count: items.length }));
          setDone(
            items.map((it, i) => ({ ...it, patientCode: sent[i]?.patient?.code ?? String(it.patientId) })),
          );
          setRows([blank(nextKey, sent[sent.length - 1])]);
          setNextKey((k) => k + 1);
        },
        onError: fail,
      },
    );
  };

  return (
    <Page
      title={t("registry.batch.title", { site: site.code })}
      subtitle={t("registry.batch.subtitle")}
      crumbs={[{ label: site.code, to: `/sites/${site.id}` }, { label: t("registry.nav.dayEntry") }]}
    >
      <SiteRegistryNav siteId={site.id} />
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateField
                label={t("registry.batch.date")}
                required
                clearable={false}
                value={day}
                onChange={setDay}
              />
              <Select
                label={t("registry.intervention.professional")}
                placeholder={t("registry.intervention.noProfessional")}
                searchable
                clearable
                data={options.professionals}
                value={professional}
                onChange={setProfessional}
                clearButtonProps={{
                  "aria-label": t("common.clearNamed", { name: t("registry.intervention.professional") }),
                }}
              />
            </SimpleGrid>
            <FormError message={errors.general} />
            <ScrollTable minWidth={1080}>
              <Table verticalSpacing={6} aria-describedby="batch-hint">
                <caption className="visually-hidden">{t("registry.batch.rows")}</caption>
                <TableHead
                  head={[
                    "#",
                    t("registry.batch.patient"),
                    t("registry.intervention.type"),
                    t("registry.intervention.setting"),
                    t("registry.intervention.recipient"),
                    t("registry.intervention.duration"),
                    t("registry.intervention.module"),
                    <span key="actions" className="visually-hidden">
                      {t("common.actions")}
                    </span>,
                  ]}
                />
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <BatchRow
                      key={r.key}
                      index={i}
                      row={r}
                      siteId={site.id}
                      typeOptions={options.types}
                      moduleOptions={options.modules}
                      settings={options.settings}
                      recipients={options.recipients}
                      error={rowError(i)}
                      rowErrors={otherRowErrors(i)}
                      canRemove={rows.length > 1}
                      onChange={(patch) =>
                        setRows((rs) => rs.map((x, j) => (j === i ? { ...x, ...patch } : x)))
                      }
                      onRemove={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Text size="xs" c="dimmed" id="batch-hint">
              {t("registry.batch.hint")}
            </Text>
            <Group justify="space-between">
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={addRow}
              >
                {t("registry.batch.addRow")}
              </Button>
              <Button type="submit" loading={record.isPending}>
                {t("registry.batch.submit", { count: rows.length })}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {done.length > 0 && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden="true" />} role="status">
          <Text size="sm" fw={600} mb={4}>
            {t("registry.batch.recorded", { count: done.length })}
          </Text>
          <List size="sm" spacing={2}>
            {done.map((i) => (
              <List.Item key={i.id}>
                {i.patientCode} — {options.typeLabel(i.type)} · {t(`registry.recipient.${i.recipient}`)}
                {i.module ? ` · ${i.module}` : ""}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Page>
  );
}
