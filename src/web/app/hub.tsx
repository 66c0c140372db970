import type { ComponentType } from "react";
import { HUB_SECTIONS } from "./hub-sections.ts";

/**
 * The hub pages — a site's, a programme's, a patient's — show parts that other features own (the
 * registry's links on the site page, the dashboard's on the programme page, the measures of a
 * patient). The page does not import them: each feature lists its parts in its own `sections.ts`,
 * `hub-sections.ts` collects those lists, and the page renders a slot with `<HubSlot>`. What a
 * part receives is the contract below.
 */
export interface HubProps {
  site: {
    siteId: number;
    siteCode: string /** The user's own site, and whether they manage it. */;
    mine: { canManage: boolean } | undefined;
  };
  programme: { programmeId: number; canEdit: boolean };
  patient: { patient: { id: number; code: string }; site: { id: number; code: string } | null };
}

/** Where on its page a part goes. */
export interface HubSlots {
  site: "links" | "team";
  programme: "links" | "cards";
  patient: "sections";
}

export type Hub = keyof HubProps;

export type HubSection = {
  [H in Hub]: {
    hub: H;
    slot: HubSlots[H];
    /** Position in the slot, smaller first; one part per position (it is the part's key). */
    order: number;
    /** Whether to show it (when absent: always). */
    when?: (props: HubProps[H]) => boolean;
    Component: ComponentType<HubProps[H]>;
  };
}[Hub];

/** The parts of one slot of a hub page, in order. */
export function HubSlot<H extends Hub>({
  hub,
  slot,
  props,
}: {
  hub: H;
  slot: HubSlots[H];
  props: HubProps[H];
}) {
  const parts = HUB_SECTIONS.filter(
    (s): s is Extract<HubSection, { hub: H }> => s.hub === hub && s.slot === slot,
  ).sort((a, b) => a.order - b.order);
  return parts.map((s) => {
    const when = s.when as ((p: HubProps[H]) => boolean) | undefined;
    if (when && !when(props)) return null;
    const C = s.Component as ComponentType<HubProps[H]>;
    return <C key={`${slot}-${s.order}`} {...props} />;
  });
}
