import { Badge, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../app/table.tsx";
import type { CarePlan, CrisisPlan, WhoOut } from "./types.ts";

/** Who carries out an action, as a reader names them. */
export function useWhoLabel() {
  const { t } = useTranslation();
  return (w: WhoOut): string => {
    if (w.kind === "professional")
      return w.professionalCode
        ? t("care.who.professionalOf", { code: w.professionalCode, profile: w.professionalProfile ?? "" })
        : t("care.who.professional");
    if (w.kind === "service") return w.serviceName ?? t("care.who.service");
    return t(`care.who.${w.kind}`);
  };
}

/** One care plan's goals and actions, read-only (the patient page and the shared read). */
export function CarePlanView({ plan, headingLevel = 4 }: { plan: CarePlan; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const who = useWhoLabel();
  const id = `care-plan-${plan.planId}`;
  return (
    <Stack gap="xs" aria-labelledby={id} component="section">
      <Title order={headingLevel} size="h5" id={id}>
        {t("care.carePlan.planOf", { code: plan.planCode, date: plan.createdDate })}{" "}
        {plan.version > 0 && (
          <Badge variant="light" color="gray" component="span">
            {t("care.version", { version: plan.version })}
          </Badge>
        )}
      </Title>
      <Text size="sm">
        {plan.reviewDate ? t("care.reviewOn", { date: plan.reviewDate }) : t("care.noReview")}
      </Text>
      {plan.goals.length === 0 && plan.actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("care.carePlan.empty")}
        </Text>
      ) : (
        <>
          <Text fw={600} size="sm">
            {t("care.carePlan.goals")}
          </Text>
          <List type="ordered" size="sm">
            {plan.goals.map((g, i) => (
              // goals have no identity but their position
              // biome-ignore lint/suspicious/noArrayIndexKey: the position is the goal's identity
              <List.Item key={i}>{g.text}</List.Item>
            ))}
          </List>
          <DataTable
            caption={t("care.carePlan.actions")}
            head={[
              t("care.carePlan.fields.actionText"),
              t("care.carePlan.fields.goal"),
              t("care.carePlan.fields.who"),
              t("care.carePlan.fields.dueDate"),
              t("care.carePlan.fields.status"),
            ]}
            rowCount={plan.actions.length}
            empty={t("care.carePlan.empty")}
            minWidth={640}
          >
            {plan.actions.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: actions are kept in order, without ids
              <Table.Tr key={i}>
                <Table.Td>{a.text}</Table.Td>
                <Table.Td>{t("care.carePlan.goalN", { n: a.goal + 1 })}</Table.Td>
                <Table.Td>{who(a.who)}</Table.Td>
                <Table.Td>{a.dueDate ?? "—"}</Table.Td>
                <Table.Td>{t(`care.status.${a.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </>
      )}
    </Stack>
  );
}

/** The crisis plan, read-only. */
export function CrisisPlanView({ plan }: { plan: CrisisPlan }) {
  const { t } = useTranslation();
  const who = useWhoLabel();
  const block = (label: string, text: string) => (
    <div>
      <Text fw={600} size="sm">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {text || "—"}
      </Text>
    </div>
  );
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text size="sm">
          {t("care.crisis.fields.planDate")}: {plan.planDate} · {t("care.version", { version: plan.version })}{" "}
          · {plan.reviewDate ? t("care.reviewOn", { date: plan.reviewDate }) : t("care.noReview")}
        </Text>
        {block(t("care.crisis.fields.warningSigns"), plan.warningSigns)}
        {block(t("care.crisis.fields.whatHelps"), plan.whatHelps)}
        <Text fw={600} size="sm">
          {t("care.crisis.fields.actions")}
        </Text>
        {plan.actions.length === 0 ? (
          <Text size="sm">—</Text>
        ) : (
          <List size="sm">
            {plan.actions.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: actions are kept in order, without ids
              <List.Item key={i}>
                {a.text} — <em>{who(a.who)}</em>
              </List.Item>
            ))}
          </List>
        )}
        <Text fw={600} size="sm">
          {t("care.crisis.fields.contactServiceIds")}
        </Text>
        {plan.contacts.length === 0 ? (
          <Text size="sm">{t("care.crisis.noContacts")}</Text>
        ) : (
          <List size="sm">
            {plan.contacts.map((c) => (
              <List.Item key={c.id}>
                {c.name}
                {c.phone ? ` · ${c.phone}` : ""}
                {c.openingHours ? ` · ${c.openingHours}` : ""}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
