import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  FileInput,
  type MantineColorsTuple,
  Menu,
} from "@mantine/core";

/**
 * Orange with a darker shade 9: Mantine's #d9480f is 3.9:1 on white and on its own tint (shade
 * 0), short of 4.5:1, and shade 9 is the text of every light badge and of `c="orange.9"` text
 * ("Below the threshold", "5 more needed…"). #b8400a is 5.1:1 on shade 0 and 5.6:1 on white.
 */
const orange = [...DEFAULT_THEME.colors.orange.slice(0, 9), "#b8400a"] as unknown as MantineColorsTuple;

/**
 * Colours chosen for contrast (WCAG AA): filled controls use the darker shade 8, dimmed text is
 * gray 7 rather than Mantine's lighter gray 6, and orange's shade 9 is darkened (above).
 */
export const theme = createTheme({
  primaryColor: "indigo",
  colors: { orange },
  primaryShade: { light: 8, dark: 8 },
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
  headings: { fontWeight: "650" },
  defaultRadius: "sm",
  focusRing: "auto",
  components: {
    // A menu opens with focus on its first item (the WAI-ARIA menu-button pattern) rather than on
    // Mantine's focusable placeholder: a focusable role=presentation div loses that role, so the
    // open role=menu held a child that is not a menu item (axe aria-required-children, critical).
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    // A file input's placeholder ("Choose a file…") is text to read: Mantine's gray 5 is 2.1:1 on
    // white, the dimmed gray 7 meets 4.5:1 (axe color-contrast, serious)
    FileInput: FileInput.extend({ styles: { placeholder: { color: "var(--mantine-color-dimmed)" } } }),
  },
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
