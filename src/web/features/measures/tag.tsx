import { Badge, type BadgeProps } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A badge whose light variant keeps its tint but writes in near-black: shade 9 on shade 0 of
 * green, yellow or orange falls short of 4.5:1, so the colour carries the meaning and the text
 * stays readable.
 */
export function Tag({ children, variant = "light", ...props }: BadgeProps & { children: ReactNode }) {
  return (
    <Badge
      variant={variant}
      tt="none"
      styles={variant === "light" ? { label: { color: "var(--mantine-color-dark-7)" } } : undefined}
      {...props}
    >
      {children}
    </Badge>
  );
}
