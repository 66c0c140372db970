import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkToolFile, cleanFileName, TOOL_EXTENSIONS } from "./file-type.ts";

const MB = 1024 * 1024;

describe("tool files: extension and content", () => {
  it("accepts a PDF only when its bytes start as a PDF does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (raw) => {
        const bytes = Buffer.from(raw);
        const check = checkToolFile("map.pdf", bytes, MB);
        expect(check.ok).toBe(bytes.subarray(0, 5).toString("latin1") === "%PDF-");
      }),
    );
  });

  it("refuses any name without an accepted extension as file_type, whatever the bytes", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.uint8Array({ minLength: 1, maxLength: 50 }),
        (name, raw) => {
          const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
          fc.pre(!ext || !(TOOL_EXTENSIONS as string[]).includes(ext));
          const check = checkToolFile(name, Buffer.from(raw), MB);
          expect(check).toMatchObject({ ok: false, rule: "file_type" });
        },
      ),
    );
  });

  it("refuses an empty file and one over the limit before looking at its type", () => {
    expect(checkToolFile("a.pdf", Buffer.alloc(0), MB)).toMatchObject({ ok: false, rule: "required" });
    expect(checkToolFile("a.exe", Buffer.alloc(MB + 1), MB)).toMatchObject({
      ok: false,
      rule: "file_too_large",
    });
  });

  it("tells Office files apart inside the zip, and reads CSV as UTF-8 text", () => {
    const zip = (inner: string) =>
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`[Content_Types].xml ${inner}`)]);
    expect(checkToolFile("plan.docx", zip("word/document.xml"), MB).ok).toBe(true);
    expect(checkToolFile("plan.xlsx", zip("word/document.xml"), MB)).toMatchObject({
      ok: false,
      rule: "file_content",
    });
    expect(checkToolFile("PERSONAS.PPTX", zip("ppt/slides/slide1.xml"), MB).ok).toBe(true);
    expect(checkToolFile("map.csv", Buffer.from("stakeholder;influence\nASL;alta\n"), MB).ok).toBe(true);
    expect(checkToolFile("map.csv", Buffer.from([0xc3, 0x28]), MB)).toMatchObject({
      ok: false,
      rule: "file_content",
    });
  });

  it("keeps stored file names without paths or control characters, at most 200 characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const clean = cleanFileName(name);
        expect(clean.length).toBeLessThanOrEqual(200);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
        expect(clean).not.toMatch(/[\\/"\u0000-\u001f\u007f]/);
      }),
    );
  });
});
