import type { KeyboardEvent } from "react";

/**
 * Enter submits the form from any field — radios, chips and segmented controls included — except
 * where Enter has its own meaning: buttons, text areas and an open dropdown.
 */
export function submitOnEnter(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key !== "Enter" || e.defaultPrevented || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target as HTMLElement;
  if (target.closest("button, textarea, a")) return;
  if (target.getAttribute("aria-expanded") === "true") return;
  e.preventDefault();
  e.currentTarget.requestSubmit();
}
