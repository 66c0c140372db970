import { createHash, type Hash } from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import zlib from "node:zlib";

/**
 * The backup file: gzip'd JSON lines, one format for a restore and for a move to PostgreSQL.
 *
 *   line 1        the manifest (below)
 *   per table     {"table":"<name>","rows":N}, then N lines, each a row as PostgreSQL's
 *                 to_jsonb(row) (text kept as PostgreSQL wrote it: numbers, timestamps with
 *                 microseconds, jsonb and arrays exactly; a restore reads them back with
 *                 jsonb_populate_recordset, so no value passes through a JavaScript number)
 *   last line     {"end":true,"tables":T,"rows":R,"sha256":H}: H is the SHA-256 of every line
 *                 before it (uncompressed, each with its "\n"); a file without it, or with another
 *                 hash, is truncated or altered
 *
 * Tables come in foreign-key order (a table after every table it references), so a restore
 * inserts them in file order. Derived tables (indicator facts, caches) and transient ones
 * (sessions, login failures) are left out: a restore rebuilds the facts (see restore.ts).
 */
export const FORMAT = "praxis-backup";
export const FORMAT_VERSION = 1;

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  /** Where it was taken from: "pglite" or "postgresql". */
  source: string;
  /** The migrations applied to the database it was taken from, sorted. */
  migrations: string[];
  /** The tables in the file, in file (foreign-key) order, with their row counts. */
  tables: Array<{ name: string; rows: number }>;
  /** Tables of the schema not in the file: derived ones are rebuilt, transient ones start empty. */
  omitted: string[];
  /** The audit chain's head in the snapshot (null for an empty log). */
  audit: { entries: number; hash: string | null };
}

export interface TableHeader {
  table: string;
  rows: number;
}

export interface Trailer {
  end: true;
  tables: number;
  rows: number;
  sha256: string;
}

/** A bad backup file: its message is one line for the operator. */
export class BackupFormatError extends Error {}

/** Writes the lines of a backup to `file` through gzip, hashing them; call `finish` to close. */
export class BackupWriter {
  private readonly gzip = zlib.createGzip({ level: 6 });
  private readonly out: fs.WriteStream;
  private readonly hash: Hash = createHash("sha256");
  private readonly done: Promise<void>;
  private failed: Error | undefined;
  private waiting: ((err: Error) => void) | undefined;

  constructor(readonly file: string) {
    this.out = fs.createWriteStream(file, { flags: "wx" });
    this.gzip.pipe(this.out);
    this.done = new Promise((resolve, reject) => {
      this.out.once("close", resolve);
      const fail = (err: Error) => {
        this.failed ??= err;
        this.waiting?.(err);
        reject(err);
      };
      this.out.once("error", fail);
      this.gzip.once("error", fail);
    });
    this.done.catch(() => {});
  }

  /** Write one line (without its "\n"); waits when the stream is full. */
  async line(text: string): Promise<void> {
    if (this.failed) throw this.failed;
    const chunk = `${text}\n`;
    this.hash.update(chunk);
    if (!this.gzip.write(chunk)) {
      // a failed file (disk full, a directory gone) stops the draining: give up on its error
      await new Promise<void>((resolve, reject) => {
        this.waiting = reject;
        this.gzip.once("drain", () => {
          this.waiting = undefined;
          resolve();
        });
      });
    }
  }

  async json(value: unknown): Promise<void> {
    await this.line(JSON.stringify(value));
  }

  /** Write the trailer, flush and fsync the file. */
  async finish(tables: number, rows: number): Promise<void> {
    const trailer: Trailer = { end: true, tables, rows, sha256: this.hash.digest("hex") };
    const text = `${JSON.stringify(trailer)}\n`;
    this.gzip.end(text);
    await this.done;
    const fd = fs.openSync(this.file, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Stop writing (after a failure); the caller removes the file. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    this.out.destroy();
    await this.done.catch(() => {});
  }
}

/** Reads a backup line by line, checking its shape as it goes and its hash at the end. */
export class BackupReader {
  private readonly lines: AsyncIterator<string>;
  private readonly hash: Hash = createHash("sha256");
  private readonly input: fs.ReadStream;
  private readonly gunzip = zlib.createGunzip();
  private streamError: Error | undefined;
  manifest!: Manifest;

  private constructor(readonly file: string) {
    this.input = fs.createReadStream(file);
    const onError = (err: Error) => {
      this.streamError ??= err;
    };
    this.input.on("error", onError);
    this.gunzip.on("error", onError);
    const rl = readline.createInterface({ input: this.input.pipe(this.gunzip), crlfDelay: Infinity });
    // readline ends quietly when its input fails: the error is reported by next()
    this.gunzip.on("error", () => rl.close());
    this.lines = rl[Symbol.asyncIterator]();
  }

  /** Open `file` and read its manifest; a file that is not a backup of this format is refused. */
  static async open(file: string): Promise<BackupReader> {
    if (!fs.existsSync(file)) throw new BackupFormatError(`${file}: no such file`);
    const reader = new BackupReader(file);
    let first: string | undefined;
    try {
      first = await reader.next();
    } catch (err) {
      reader.close();
      throw err;
    }
    let manifest: Partial<Manifest> | undefined;
    try {
      manifest = JSON.parse(first ?? "") as Partial<Manifest>;
    } catch {
      /* below */
    }
    if (!manifest || manifest.format !== FORMAT) {
      reader.close();
      throw new BackupFormatError(`${file} is not a Praxis backup (no ${FORMAT} manifest at its start)`);
    }
    if (manifest.formatVersion !== FORMAT_VERSION) {
      reader.close();
      throw new BackupFormatError(
        `${file} is a backup of format version ${manifest.formatVersion}; this Praxis reads version ${FORMAT_VERSION}`,
      );
    }
    if (!Array.isArray(manifest.migrations) || !Array.isArray(manifest.tables)) {
      reader.close();
      throw new BackupFormatError(`${file}: the manifest is incomplete (no migrations or tables)`);
    }
    reader.manifest = manifest as Manifest;
    return reader;
  }

  /** The next line as read, not hashed: a read or stream error is described with the file. */
  private async nextRaw(): Promise<IteratorResult<string>> {
    let result: IteratorResult<string>;
    try {
      result = await this.lines.next();
    } catch (err) {
      throw this.describe(err as Error);
    }
    if (this.streamError) throw this.describe(this.streamError);
    return result;
  }

  /** The next line (hashed), or undefined at the end of the file. */
  async next(): Promise<string | undefined> {
    const result = await this.nextRaw();
    if (result.done) return undefined;
    this.hash.update(`${result.value}\n`);
    return result.value;
  }

  /** The next line, which must be a table header naming `table`. */
  async header(table: string): Promise<TableHeader> {
    const line = await this.next();
    if (line === undefined) throw this.truncated();
    let header: Partial<TableHeader> | undefined;
    try {
      header = JSON.parse(line) as Partial<TableHeader>;
    } catch {
      /* below */
    }
    if (header?.table !== table || typeof header.rows !== "number")
      throw new BackupFormatError(`${this.file} is damaged: expected the rows of table ${table}`);
    return header as TableHeader;
  }

  /** The trailer: the hash of everything before it must match. */
  async trailer(tables: number, rows: number): Promise<void> {
    const expected = this.hash.digest("hex");
    const result = await this.nextRaw();
    if (result.done) throw this.truncated();
    let trailer: Partial<Trailer> | undefined;
    try {
      trailer = JSON.parse(result.value) as Partial<Trailer>;
    } catch {
      /* below */
    }
    if (!trailer?.end)
      throw new BackupFormatError(`${this.file} is damaged: more rows than its manifest lists`);
    if (trailer.sha256 !== expected || trailer.tables !== tables || trailer.rows !== rows)
      throw new BackupFormatError(`${this.file} is damaged: its content does not match its checksum`);
    const after = await this.lines.next().catch((err: Error) => {
      throw this.describe(err);
    });
    if (this.streamError) throw this.describe(this.streamError);
    if (!after.done) throw new BackupFormatError(`${this.file} is damaged: data after its end`);
  }

  truncated(): BackupFormatError {
    return new BackupFormatError(`${this.file} is truncated (it ends before the backup's end)`);
  }

  close(): void {
    this.input.destroy();
    this.gunzip.destroy();
  }

  private describe(err: Error): BackupFormatError {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "Z_DATA_ERROR" && /header/.test(err.message))
      return new BackupFormatError(`${this.file} is not a Praxis backup (not a gzip file)`);
    if (code === "Z_BUF_ERROR" || /unexpected end/.test(err.message)) return this.truncated();
    if (code === "Z_DATA_ERROR") return new BackupFormatError(`${this.file} is damaged: ${err.message}`);
    return new BackupFormatError(`${this.file}: ${err.message}`);
  }
}
