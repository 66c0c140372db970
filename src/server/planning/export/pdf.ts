/**
 * A printable report of an artefact: a title, a few lines about it (programme, scope, version),
 * then sections, each a heading and a table whose cells wrap. Rendered with pdfkit's standard
 * Helvetica on A4 landscape; a table row that does not fit starts a new page, header repeated.
 */
export interface Report {
  title: string;
  lines: string[];
  sections: Array<{
    heading: string;
    columns: Array<{ header: string; weight?: number }>;
    rows: string[][];
    /** Shown instead of the table when there are no rows. */
    empty?: string;
  }>;
}

const WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const REPLACEMENTS: Record<string, string> = {
  "→": "->",
  "←": "<-",
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "✓": "v",
};

/** Text the standard PDF fonts can draw (Windows-1252); anything else becomes a close ASCII form or "?". */
export function pdfSafe(s: string): string {
  let out = "";
  for (const ch of s.normalize("NFC")) {
    const code = ch.codePointAt(0)!;
    if (
      ch === "\n" ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRA.includes(ch)
    )
      out += ch;
    else if (ch === "\t") out += " ";
    else if (code < 0x20) continue;
    else out += REPLACEMENTS[ch] ?? "?";
  }
  return out;
}

const MARGIN = 36;
const PAD = 4;
const FONT_SIZE = 9;

export async function renderPdf(report: Report): Promise<Buffer> {
  // Loaded on first use: pdfkit is the heaviest module of the server and most starts never print.
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: MARGIN,
    info: { Title: pdfSafe(report.title), Producer: "Praxis", Creator: "Praxis" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;

  doc.font("Helvetica-Bold").fontSize(16).text(pdfSafe(report.title), MARGIN, MARGIN, { width });
  doc.moveDown(0.3);
  doc.font("Helvetica").fontSize(9).fillColor("#444444");
  for (const line of report.lines) doc.text(pdfSafe(line), { width });
  doc.fillColor("black");

  for (const section of report.sections) {
    doc.moveDown(1);
    if (doc.y + 40 > bottom()) doc.addPage();
    doc.font("Helvetica-Bold").fontSize(12).text(pdfSafe(section.heading), MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    if (section.rows.length === 0) {
      doc
        .font("Helvetica-Oblique")
        .fontSize(FONT_SIZE)
        .text(pdfSafe(section.empty ?? "Nothing recorded."), {
          width,
        });
      continue;
    }
    const total = section.columns.reduce((s, c) => s + (c.weight ?? 1), 0);
    const widths = section.columns.map((c) => ((c.weight ?? 1) / total) * width);
    const drawRow = (cells: string[], header: boolean) => {
      doc.font(header ? "Helvetica-Bold" : "Helvetica").fontSize(FONT_SIZE);
      const texts = cells.map(pdfSafe);
      const height =
        Math.max(...texts.map((t, i) => doc.heightOfString(t || " ", { width: widths[i]! - 2 * PAD }))) +
        2 * PAD;
      if (doc.y + height > bottom()) {
        doc.addPage();
        if (!header)
          drawRow(
            section.columns.map((c) => c.header),
            true,
          );
        doc.font(header ? "Helvetica-Bold" : "Helvetica").fontSize(FONT_SIZE);
      }
      const y = doc.y;
      let x = MARGIN;
      texts.forEach((t, i) => {
        const w = widths[i]!;
        if (header) doc.rect(x, y, w, height).fillAndStroke("#e8e8e8", "#999999").fillColor("black");
        else doc.rect(x, y, w, height).stroke("#999999");
        doc.text(t, x + PAD, y + PAD, { width: w - 2 * PAD });
        x += w;
      });
      doc.x = MARGIN;
      doc.y = y + height;
    };
    drawRow(
      section.columns.map((c) => c.header),
      true,
    );
    for (const row of section.rows) drawRow(row, false);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
