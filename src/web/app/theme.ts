import { type CSSVariablesResolver, createTheme } from "@mantine/core";

/**
 * Colours chosen for contrast (WCAG AA): filled controls use the darker shade 8, and dimmed
 * text is gray 7 rather than Mantine's lighter gray 6.
 */
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 8, dark: 8 },
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
  headings: { fontWeight: "650" },
  defaultRadius: "sm",
  focusRing: "auto",
});

/** Light variants (badges, active links) sit on shade 0 (hover 1) so their shade-9 text keeps 4.5:1. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    ...Object.fromEntries(
      Object.keys(t.colors).flatMap((name) => [
        [`--mantine-color-${name}-light`, `var(--mantine-color-${name}-0)`],
        [`--mantine-color-${name}-light-hover`, `var(--mantine-color-${name}-1)`],
      ]),
    ),
  },
  dark: {},
});
