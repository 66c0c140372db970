import { Button, Table, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A table that scrolls sideways when the page is narrower than `minWidth`. The scrolling
 * viewport takes keyboard focus (WCAG 2.1.1, axe's scrollable-region-focusable), so a keyboard
 * user can scroll it with the arrow keys.
 */
export function ScrollTable({
  minWidth,
  maxHeight,
  children,
}: {
  minWidth: number;
  maxHeight?: string;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      maxHeight={maxHeight}
      scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}
    >
      {children}
    </Table.ScrollContainer>
  );
}

/** A table's column headings, one row of `scope="col"` cells. */
export function TableHead({ head }: { head: ReactNode[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {head.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns of a table are fixed
          <Table.Th key={i} scope="col">
            {h}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** A data table with a caption for screen readers and a message when there are no rows. */
export function DataTable({
  caption,
  head,
  empty,
  children,
  rowCount,
  minWidth = 560,
}: {
  minWidth?: number;
  caption: string;
  head: ReactNode[];
  empty: string;
  rowCount: number;
  children: ReactNode;
}) {
  return (
    <ScrollTable minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
        <caption className="visually-hidden">{caption}</caption>
        <TableHead head={head} />
        <Table.Tbody>
          {rowCount === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={head.length}>
                <Text c="dimmed" size="sm" py="sm">
                  {empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            children
          )}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** "Edit" in a row: a real button, named after what it edits. */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      leftSection={<IconPencil size={14} aria-hidden="true" />}
      onClick={onClick}
      aria-label={t("common.editNamed", { name })}
    >
      {t("common.edit")}
    </Button>
  );
}
