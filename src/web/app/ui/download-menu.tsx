import { Button, Menu } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import type { ReactNode } from "react";

/** A button that opens a menu of files to download (`children`: its items, most often `DownloadLink`s). */
export function DownloadMenu({
  icon: IconOf,
  label,
  children,
}: {
  icon: Icon;
  label: string;
  children: ReactNode;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconOf size={16} aria-hidden="true" />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}

/** An item of a download menu: a file the server writes, downloaded from `href`. */
export function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Menu.Item component="a" href={href} download>
      {children}
    </Menu.Item>
  );
}
