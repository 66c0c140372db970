/** The dashboard's palette: sites, the programme, targets, and what is missing or small. */
export const COLORS = {
  site: "#3b5bdb",
  programme: "#e8590c",
  target: "#c92a2a",
  small: "#91a7ff",
  muted: "#868e96",
  text: "#343a40",
  grid: "#e9ecef",
  lines: ["#3b5bdb", "#0c8599", "#2f9e44", "#9c36b5", "#f08c00", "#1098ad", "#d6336c", "#5f3dc4"],
} as const;
