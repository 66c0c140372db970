import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../../app/table.tsx";
import { AddButton, EditIcon } from "../../../app/ui/list-buttons.tsx";
import { useCivilDate } from "../format.ts";
import { ItemActions } from "../item-actions.tsx";
import type { ActionPlanContent } from "../types.ts";
import { isOverdue, STATUS_COLOR } from "./plan-model.ts";
import type { TocOutput } from "./toc-outputs.ts";

/** Strategic areas → sub-areas → activities, with who, when, status and the ToC output served. */
export function PlanTree({
  plan,
  today,
  canEdit,
  outputs,
  errorOf,
  onAddActivity,
  onEditActivity,
  onRemoveActivity,
  onEditArea,
  onAddSubArea,
  onEditSubArea,
}: {
  plan: ActionPlanContent;
  today: string;
  canEdit: boolean;
  outputs: TocOutput[];
  errorOf: (area: number, sub: number, index: number) => string | undefined;
  onAddActivity: (area: number, sub: number) => void;
  onEditActivity: (area: number, sub: number, index: number) => void;
  onRemoveActivity: (area: number, sub: number, index: number) => void;
  onEditArea: (area: number) => void;
  onAddSubArea: (area: number) => void;
  onEditSubArea: (area: number, sub: number) => void;
}) {
  const { t } = useTranslation();
  const date = useCivilDate();
  const outputText = (id: string | null) => (id ? (outputs.find((o) => o.id === id)?.text ?? id) : null);
  return (
    <Stack>
      {plan.strategicAreas.map((area, a) => (
        <Paper key={area.id || a} withBorder p="md" component="section" aria-labelledby={`area-${a}`}>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h4" id={`area-${a}`}>
                {area.title}
              </Title>
              {area.description && (
                <Text size="sm" c="dimmed">
                  {area.description}
                </Text>
              )}
            </div>
            {canEdit && (
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => onEditArea(a)}>
                  {t("planning.plan.editArea")}
                </Button>
                <AddButton onClick={() => onAddSubArea(a)}>{t("planning.plan.addSubArea")}</AddButton>
              </Group>
            )}
          </Group>
          {area.subAreas.map((sub, s) => (
            <Stack key={sub.id || s} gap={4} mt="md">
              <Group justify="space-between">
                <Title order={3} size="h5">
                  {sub.title}
                </Title>
                {canEdit && (
                  <Group gap="xs">
                    <EditIcon name={sub.title} onClick={() => onEditSubArea(a, s)} />
                    <AddButton
                      onClick={() => onAddActivity(a, s)}
                      aria-label={t("planning.plan.addActivityTo", { sub: sub.title })}
                    >
                      {t("planning.plan.addActivity")}
                    </AddButton>
                  </Group>
                )}
              </Group>
              {sub.activities.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("planning.plan.noActivitiesHere")}
                </Text>
              ) : (
                <ScrollTable minWidth={760}>
                  <Table verticalSpacing={6} captionSide="top">
                    <caption className="visually-hidden">{sub.title}</caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t("planning.plan.activity")}</Table.Th>
                        <Table.Th scope="col">{t("planning.fields.responsibleActor")}</Table.Th>
                        <Table.Th scope="col">{t("planning.plan.when")}</Table.Th>
                        <Table.Th scope="col">{t("planning.fields.status")}</Table.Th>
                        <Table.Th scope="col">{t("planning.fields.tocOutputNodeId")}</Table.Th>
                        {canEdit && <Table.Th scope="col">{t("common.actions")}</Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {sub.activities.map((act, i) => (
                        <Table.Tr key={act.id || i} data-activity={act.title}>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {act.title}
                            </Text>
                            {act.stakeholders.length > 0 && (
                              <Text size="xs" c="dimmed">
                                {t("planning.plan.with", { who: act.stakeholders.join(", ") })}
                              </Text>
                            )}
                            {errorOf(a, s, i) && (
                              <Text size="xs" c="red.8" role="alert">
                                {errorOf(a, s, i)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{act.responsibleActor || act.responsibleProfessionalCode}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                              {date(act.start)} – {date(act.end)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4}>
                              <Badge color={STATUS_COLOR[act.status]} c="dark.7" variant="light" tt="none">
                                {t(`planning.plan.status.${act.status}`)}
                              </Badge>
                              {isOverdue(act, today) && (
                                <Badge color="red" variant="filled" tt="none">
                                  {t("planning.plan.overdue")}
                                </Badge>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{outputText(act.tocOutputNodeId) ?? "—"}</Text>
                          </Table.Td>
                          {canEdit && (
                            <Table.Td>
                              <ItemActions
                                name={act.title}
                                onEdit={() => onEditActivity(a, s, i)}
                                onRemove={() => onRemoveActivity(a, s, i)}
                              />
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )}
            </Stack>
          ))}
        </Paper>
      ))}
    </Stack>
  );
}
