/**
 * Which files a coordinator may attach to a dimension as tools, checked twice: by the name's
 * extension and by the bytes themselves (a file renamed to `.pdf` is refused). Pure.
 */
export const TOOL_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  csv: "text/csv",
} as const;
export type ToolExtension = keyof typeof TOOL_TYPES;
export const TOOL_EXTENSIONS = Object.keys(TOOL_TYPES) as ToolExtension[];

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const starts = (bytes: Buffer, magic: Buffer | string) =>
  bytes.subarray(0, magic.length).equals(typeof magic === "string" ? Buffer.from(magic, "latin1") : magic);

/** Office Open XML and OpenDocument files are zip archives; what tells them apart is inside. */
const OOXML_PART: Partial<Record<ToolExtension, string>> = { docx: "word/", xlsx: "xl/", pptx: "ppt/" };

function contentMatches(ext: ToolExtension, bytes: Buffer): boolean {
  switch (ext) {
    case "pdf":
      return starts(bytes, "%PDF-");
    case "png":
      return starts(bytes, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case "jpg":
    case "jpeg":
      return starts(bytes, Buffer.from([0xff, 0xd8, 0xff]));
    case "docx":
    case "xlsx":
    case "pptx":
      return (
        starts(bytes, ZIP) &&
        bytes.includes("[Content_Types].xml", 0, "latin1") &&
        bytes.includes(OOXML_PART[ext]!, 0, "latin1")
      );
    case "odt":
      // OpenDocument: the archive's first entry is `mimetype`, stored, holding the media type.
      return (
        starts(bytes, ZIP) &&
        bytes.subarray(30, 38).toString("latin1") === "mimetype" &&
        bytes.subarray(38, 38 + TOOL_TYPES.odt.length).toString("latin1") === TOOL_TYPES.odt
      );
    case "csv":
      return isText(bytes);
  }
}

/** CSV: UTF-8 text without NUL or other control bytes but tab, CR, LF. */
function isText(bytes: Buffer): boolean {
  for (const b of bytes) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export type ToolCheck =
  | { ok: true; extension: ToolExtension; mediaType: string }
  | { ok: false; rule: "file_type" | "file_content" | "file_too_large" | "required"; message: string };

/** Whether `bytes` named `fileName` may be stored as a tool of at most `maxBytes`. */
export function checkToolFile(fileName: string, bytes: Buffer, maxBytes: number): ToolCheck {
  if (bytes.length === 0) return { ok: false, rule: "required", message: "the file is empty" };
  if (bytes.length > maxBytes)
    return {
      ok: false,
      rule: "file_too_large",
      message: `the file is larger than ${maxBytes / 1024 / 1024} MB`,
    };
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!ext || !(ext in TOOL_TYPES))
    return { ok: false, rule: "file_type", message: `accepted types: ${TOOL_EXTENSIONS.join(", ")}` };
  const extension = ext as ToolExtension;
  if (!contentMatches(extension, bytes))
    return { ok: false, rule: "file_content", message: `the file's content is not a .${extension} file` };
  return { ok: true, extension, mediaType: TOOL_TYPES[extension] };
}

/** A file name safe to store and to send back: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 ? clean.slice(dot) : "";
  return clean.slice(0, 200 - ext.length) + ext;
}
