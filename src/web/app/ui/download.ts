/** Save bytes or a data URL as a file, through a temporary link (the browser's own download). */
export function saveFile(name: string, content: Blob | string): void {
  const url = typeof content === "string" ? content : URL.createObjectURL(content);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  if (typeof content !== "string") setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from its parts joined by "_": letters, digits, dots, dashes and underscores only. */
export function fileName(parts: Array<string | number>, extension: string): string {
  const base = parts
    .map((p) =>
      String(p)
        .replace(/[^A-Za-z0-9._-]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter(Boolean)
    .join("_");
  return `${base}.${extension}`;
}
