import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/server/exchange/csv-reader.ts";

/** The streaming reader: records, the physical line where each starts, and its problems. */
async function read(chunks: Array<string | Buffer>) {
  const out: string[] = [];
  await readCsv(
    (async function* () {
      for (const c of chunks) yield typeof c === "string" ? Buffer.from(c) : c;
    })(),
    {
      record: (fields, line, damaged) => out.push(`${line}${damaged ? "!" : ""}:${JSON.stringify(fields)}`),
      problem: (line, message) => out.push(`problem ${line}: ${message}`),
    },
  );
  return out;
}

describe("csv reader", () => {
  it("reads records with their line numbers, LF or CRLF, with or without a final line break", async () => {
    expect(await read(["a,b\nc,d\n"])).toEqual(['1:["a","b"]', '2:["c","d"]']);
    expect(await read(["\uFEFFa,b\r\nc,d"])).toEqual(['1:["a","b"]', '2:["c","d"]']);
  });

  it("skips blank lines but counts them", async () => {
    expect(await read(["a,b\n\n\r\nc,d\n"])).toEqual(['1:["a","b"]', '4:["c","d"]']);
  });

  it("reads quoted values with separators, doubled quotes and line breaks, split across chunks", async () => {
    expect(await read(['a,b\n"x\n', 'y""', '",z\r', '\nq,""\n'])).toEqual([
      '1:["a","b"]',
      '2:["x\\ny\\"","z"]',
      '4:["q",""]',
    ]);
  });

  it("keeps a character split across chunks", async () => {
    const e = Buffer.from("é");
    expect(
      await read([Buffer.from("a,x"), e.subarray(0, 1), Buffer.concat([e.subarray(1), Buffer.from("\n")])]),
    ).toEqual(['1:["a","xé"]']);
  });

  it("reports bad quoting at the line where the record starts, and goes on", async () => {
    expect(await read(['a,b\nx"y,z\n"p"q,r\ns,t\n"never closed,u\nv,w\n'])).toEqual([
      '1:["a","b"]',
      'problem 2: a quote inside an unquoted value (quote the whole value and write a quote as "")',
      '2!:["x\\"y","z"]',
      "problem 3: unexpected text after a closing quote (a quote inside a value is written as two quotes)",
      '3!:["pq","r"]',
      '4:["s","t"]',
      'problem 5: a quoted value is never closed (missing ")',
      '5!:["never closed,u\\nv,w\\n"]',
    ]);
  });

  it("reports each line holding bytes that are not UTF-8", async () => {
    const bytes = Buffer.concat([
      Buffer.from("a,b\n"),
      Buffer.from([0xff]),
      Buffer.from(",b\nc,"),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from("\n"),
    ]);
    expect(await read([bytes])).toEqual([
      "problem 2: not UTF-8: invalid byte 0xFF",
      "problem 3: not UTF-8: invalid byte 0xED",
      '1:["a","b"]',
      '2!:["�","b"]',
      '3!:["c","���"]',
    ]);
  });

  it("reads back whatever csv-stringify writes, however the bytes are chunked", async () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "é", ",", '"', "\n", "\r\n", " ", "x", "€"),
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        async (records, cuts) => {
          // A record of empty cells would be a blank line: csv-stringify writes `,`, never blank.
          const text = stringify([["h1", "h2"], ...records]);
          const bytes = Buffer.from(text);
          const chunks: Buffer[] = [];
          let at = 0;
          for (let i = 0; at < bytes.length; i++) {
            const n = cuts[i % cuts.length]!;
            chunks.push(bytes.subarray(at, at + n));
            at += n;
          }
          const got: Array<{ fields: string[]; line: number }> = [];
          await readCsv(
            (async function* () {
              yield* chunks;
            })(),
            {
              record: (fields, line) => got.push({ fields, line }),
              problem: (l, m) => got.push({ fields: [m], line: -l }),
            },
          );
          let line = 1;
          const expected = [["h1", "h2"], ...records].map((fields) => {
            const start = line;
            line += stringify([fields]).split("\n").length - 1;
            return { fields, line: start };
          });
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
