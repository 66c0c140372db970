import type { NodeType } from "../types.ts";

/** The node types in the order of the chain (bottom to top), then the conditions. */
export const NODE_TYPES: NodeType[] = [
  "input",
  "activity",
  "output",
  "outcome",
  "impact",
  "assumption",
  "risk",
];

export const NODE_COLOR: Record<NodeType, string> = {
  impact: "grape",
  outcome: "blue",
  output: "teal",
  activity: "green",
  input: "gray",
  assumption: "yellow",
  risk: "red",
};

/** Only outcomes and outputs carry indicators. */
export const carriesIndicators = (t: NodeType) => t === "outcome" || t === "output";

export const NODE_WIDTH = 200;
/** The height the layout reserves for a node: text plus one line per indicator. */
export const nodeHeight = (indicators: number) => 86 + indicators * 24;
