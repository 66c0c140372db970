import { once } from "node:events";
import fs from "node:fs";
import type { Writable } from "node:stream";
import type { StageValue } from "./spec.ts";

/**
 * Where validated rows go on their way to a staging table, one sink per file:
 * - on a PostgreSQL server, straight into `COPY … FROM STDIN` on the import's connection, while
 *   the files are still being read (the server parses on one core while Node validates on the
 *   other; the transaction rolls back if a problem turns up later);
 * - on PGlite, into a spool file on disk (memory stays flat), loaded once the import is known to
 *   be valid: PGlite has no COPY FROM STDIN, and holding its only connection while reading would
 *   stop every other request.
 * Each record starts with its CSV line number, so a problem found in SQL names its line.
 */
export interface StageSink {
  /**
   * A valid row: its staging values, and the record as read (its fields in the file's column
   * order; `raw`, its text, when it was one line without quotes).
   */
  write(line: number, values: StageValue[], fields: string[], raw: string | undefined): void;
  /** Resolves once the destination has caught up (called once per input chunk). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export const FIELD_SEPARATOR = "\u001f";
export const RECORD_SEPARATOR = "\u001e";
const RECORD_BYTE = 0x1e;

const CSV_SPECIAL = /[",\n\r]/;
const batchValue = (v: StageValue) => (v === null ? "" : v === true ? "t" : v === false ? "f" : v);

/**
 * The PostgreSQL encoding: the record itself, in CSV (`COPY … WITH (FORMAT csv)`), after its line
 * number. A valid row's text is already what PostgreSQL reads (`Y`/`N` are booleans to it, an
 * empty cell is null); a one-line record without quotes (nearly all) is passed through as it was
 * read, others are quoted again. Not re-encoding the values saves a quarter of the CPU time.
 */
export function encodeCsvRow(
  line: number,
  _values: StageValue[],
  fields: string[],
  raw: string | undefined,
): string {
  if (raw !== undefined) return `${line},${raw}\n`;
  let row = String(line);
  for (const f of fields) row += CSV_SPECIAL.test(f) ? `,"${f.replace(/"/g, '""')}"` : `,${f}`;
  return `${row}\n`;
}

/** The PGlite batch format: records end with U+001E, an empty field is no value (the format has no empty strings). */
export function encodeBatchRow(line: number, values: StageValue[]): string {
  return `${line}${FIELD_SEPARATOR}${values.map(batchValue).join(FIELD_SEPARATOR)}${RECORD_SEPARATOR}`;
}

type Encoder = (line: number, values: StageValue[], fields: string[], raw: string | undefined) => string;

/** Rows encoded into a writable stream, in 64 KiB writes. */
export class EncodedSink implements StageSink {
  private buffer = "";
  private failure: Error | null = null;

  constructor(
    private readonly out: Writable,
    private readonly encode: Encoder,
    private readonly finished: () => Promise<void> = () => once(out, "finish").then(() => {}),
  ) {
    out.on("error", (err: Error) => {
      this.failure ??= err;
    });
  }

  write(line: number, values: StageValue[], fields: string[], raw: string | undefined): void {
    this.buffer += this.encode(line, values, fields, raw);
    if (this.buffer.length >= 1 << 16) this.flush();
  }

  async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.out.writableNeedDrain) await once(this.out, "drain");
  }

  async close(): Promise<void> {
    this.flush();
    if (this.failure) throw this.failure;
    const done = this.finished();
    this.out.end();
    await done;
    if (this.failure) throw this.failure;
  }

  private flush(): void {
    if (this.buffer.length) this.out.write(this.buffer);
    this.buffer = "";
  }
}

/** A spool file in the batch format. */
export const spoolFile = (path: string): StageSink =>
  new EncodedSink(fs.createWriteStream(path), encodeBatchRow);

/** A batch spool in pieces of about `size` bytes, each ending on a record boundary (separator dropped). */
export async function* spoolBatches(path: string, size = 512 << 10): AsyncGenerator<string> {
  let carry: Buffer | null = null;
  for await (const chunk of fs.createReadStream(path, { highWaterMark: size })) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const cut = buf.lastIndexOf(RECORD_BYTE);
    if (cut === -1) {
      carry = buf;
      continue;
    }
    yield buf.toString("utf8", 0, cut);
    carry = cut + 1 < buf.length ? buf.subarray(cut + 1) : null;
  }
  if (carry?.length)
    yield carry.toString(
      "utf8",
      0,
      carry[carry.length - 1] === RECORD_BYTE ? carry.length - 1 : carry.length,
    );
}
