import type { NodeType } from "../types.ts";

/**
 * The diagram as a standalone SVG document, drawn from the graph itself (positions, sizes,
 * texts, indicator values) rather than copied from the screen: it opens in any browser or
 * office suite and prints sharply.
 */
export interface SvgNode {
  id: string;
  type: NodeType;
  typeLabel: string;
  text: string;
  indicators: Array<{ label: string; shown: string }>;
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface SvgEdge {
  from: string;
  to: string;
  rationale: string;
}

const FILL: Record<NodeType, [string, string]> = {
  impact: ["#f3d9fa", "#9c36b5"],
  outcome: ["#d0ebff", "#1971c2"],
  output: ["#c3fae8", "#099268"],
  activity: ["#d3f9d8", "#2f9e44"],
  input: ["#f1f3f5", "#495057"],
  assumption: ["#fff3bf", "#e67700"],
  risk: ["#ffe3e3", "#e03131"],
};

const xml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Break a text into lines of at most `width` characters, at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const LINE = 16;

function nodeHeightFor(n: SvgNode): number {
  return Math.max(n.height, 30 + wrap(n.text, 32).length * LINE + n.indicators.length * LINE + 8);
}

/** The point where the segment from the centre of `a` towards `b` leaves `a`'s box. */
function exit(a: { cx: number; cy: number; w: number; h: number }, bx: number, by: number) {
  const dx = bx - a.cx;
  const dy = by - a.cy;
  if (dx === 0 && dy === 0) return { x: a.cx, y: a.cy };
  const sx = dx === 0 ? Number.POSITIVE_INFINITY : a.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Number.POSITIVE_INFINITY : a.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: a.cx + dx * s, y: a.cy + dy * s };
}

export function tocSvg(title: string, nodes: SvgNode[], edges: SvgEdge[]): string {
  const boxes = new Map(
    nodes.map((n) => {
      const h = nodeHeightFor(n);
      return [n.id, { n, cx: n.x + n.width / 2, cy: n.y + h / 2, w: n.width, h }];
    }),
  );
  const xs = [...boxes.values()].flatMap((b) => [b.cx - b.w / 2, b.cx + b.w / 2]);
  const ys = [...boxes.values()].flatMap((b) => [b.cy - b.h / 2, b.cy + b.h / 2]);
  const pad = 30;
  const minX = Math.min(0, ...xs) - pad;
  const minY = Math.min(0, ...ys) - pad - 30;
  const width = Math.max(...xs, 200) - minX + pad;
  const height = Math.max(...ys, 100) - minY + pad;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="${minX} ${minY} ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${xml(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#495057"/></marker></defs>',
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${minX + pad}" y="${minY + pad + 4}" font-size="16" font-weight="700" fill="#212529">${xml(title)}</text>`,
  ];
  for (const e of edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    if (!a || !b) continue;
    const p = exit(a, b.cx, b.cy);
    const q = exit(b, a.cx, a.cy);
    out.push(
      `<line x1="${p.x}" y1="${p.y}" x2="${q.x}" y2="${q.y}" stroke="#495057" stroke-width="1.5" marker-end="url(#arrow)"/>`,
    );
    if (e.rationale) {
      const label = e.rationale.length > 40 ? `${e.rationale.slice(0, 39)}…` : e.rationale;
      out.push(
        `<text x="${(p.x + q.x) / 2 + 6}" y="${(p.y + q.y) / 2}" font-size="11" font-style="italic" fill="#495057">${xml(label)}</text>`,
      );
    }
  }
  for (const { n, cx, cy, w, h } of boxes.values()) {
    const [fill, stroke] = FILL[n.type];
    const x = cx - w / 2;
    const y = cy - h / 2;
    out.push(
      `<g><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`,
    );
    out.push(
      `<text x="${x + 10}" y="${y + 18}" font-size="10" font-weight="700" fill="${stroke}">${xml(n.typeLabel.toUpperCase())}</text>`,
    );
    let line = y + 18 + LINE;
    for (const l of wrap(n.text, 32)) {
      out.push(`<text x="${x + 10}" y="${line}" font-size="13" fill="#212529">${xml(l)}</text>`);
      line += LINE;
    }
    for (const i of n.indicators) {
      out.push(
        `<text x="${x + 10}" y="${line}" font-size="11" fill="#495057">${xml(i.label)}: <tspan font-weight="700">${xml(i.shown)}</tspan></text>`,
      );
      line += LINE;
    }
    out.push("</g>");
  }
  out.push("</svg>");
  return out.join("\n");
}

/** The SVG drawn on a canvas at twice its size, as a PNG data URL. */
export function svgToPng(svg: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = img.width * 2;
      canvas.height = img.height * 2;
      const ctx = canvas.getContext("2d");
      if (!ctx) return reject(new Error("no canvas"));
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      resolve(canvas.toDataURL("image/png"));
    };
    img.onerror = () => reject(new Error("the diagram could not be drawn"));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}
