import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import { Unzip, UnzipInflate } from "fflate";
import { makeTempDir } from "../infra/files/temp-dir.ts";
import { AppError } from "../infra/http/errors.ts";
import type { ImportFile } from "./validate.ts";

/** The largest upload accepted (all files together, a zip counted unpacked): `PRAXIS_IMPORT_MAX_BYTES`, default 2 GiB. */
export function uploadLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PRAXIS_IMPORT_MAX_BYTES;
  const n = raw ? Number(raw) : 2 * 1024 ** 3;
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new Error(`PRAXIS_IMPORT_MAX_BYTES must be a positive integer, got "${raw}"`);
  return n;
}

/**
 * Limits on what an upload may unpack to, checked while streaming (nothing past a limit is
 * written, and inflating stops): the total (`PRAXIS_IMPORT_MAX_BYTES`), one file
 * (`PRAXIS_IMPORT_MAX_FILE_BYTES`, default 1 GiB), and a zip's compression ratio — bytes
 * unpacked per byte of zip received, once more than 10 MiB are unpacked
 * (`PRAXIS_IMPORT_MAX_RATIO`, default 200; CSV extracts compress 5–20 times).
 */
export interface UploadLimits {
  total: number;
  perFile: number;
  ratio: number;
}

/** Unpacked bytes below which the ratio is not judged (a small file may compress very well). */
export const RATIO_FLOOR_BYTES = 10 * 1024 ** 2;

function positiveFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

export function uploadLimits(env: NodeJS.ProcessEnv = process.env): UploadLimits {
  const total = uploadLimit(env);
  return {
    total,
    perFile: Math.min(total, positiveFrom(env, "PRAXIS_IMPORT_MAX_FILE_BYTES", 1024 ** 3)),
    ratio: positiveFrom(env, "PRAXIS_IMPORT_MAX_RATIO", 200),
  };
}

export interface Upload {
  dir: string;
  files: ImportFile[];
  fields: Record<string, string>;
}

const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `the upload is larger than ${limit} bytes (PRAXIS_IMPORT_MAX_BYTES)`);
const fileTooLarge = (name: string, limit: number) =>
  new AppError(
    "payload_too_large",
    `${name} is larger than ${limit} bytes unpacked (PRAXIS_IMPORT_MAX_FILE_BYTES)`,
  );
const suspiciousZip = (ratio: number) =>
  new AppError(
    "payload_too_large",
    `the zip unpacks to more than ${ratio} times its size (PRAXIS_IMPORT_MAX_RATIO): refused as a possible zip bomb`,
  );
const badUpload = (message: string) =>
  new AppError("validation", message, [{ field: "body", rule: "upload", message }]);

/**
 * Receive a multipart upload into a temporary directory, streaming: several `.csv` files, or
 * one `.zip` holding them (folders inside it are ignored, hidden files skipped). Memory holds
 * one chunk; the limit counts bytes as written to disk. On any failure the directory is removed.
 */
export async function receiveUpload(req: FastifyRequest, limits: UploadLimits | number): Promise<Upload> {
  const lim: UploadLimits =
    typeof limits === "number" ? { total: limits, perFile: limits, ratio: Number.MAX_SAFE_INTEGER } : limits;
  const limit = lim.total;
  const dir = await makeTempDir("upload");
  const fields: Record<string, string> = {};
  const names = new Set<string>();
  let total = 0;
  const count = (n: number) => {
    total += n;
    if (total > limit) throw tooLarge(limit);
  };
  /** A counter for one file: its own size, and the total. */
  const fileCounter = (name: string) => {
    let bytes = 0;
    return (n: number) => {
      bytes += n;
      if (bytes > lim.perFile) throw fileTooLarge(name, lim.perFile);
      count(n);
    };
  };
  const target = (name: string) => {
    if (names.has(name)) throw badUpload(`the upload holds ${name} twice`);
    names.add(name);
    return path.join(dir, name);
  };
  try {
    for await (const part of req.parts()) {
      if (part.type === "field") {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const name = path.basename(part.filename ?? "");
      const lower = name.toLowerCase();
      if (lower.endsWith(".zip")) await unzipTo(part.file, target, fileCounter, lim.ratio);
      else if (lower.endsWith(".csv") && !name.startsWith(".")) {
        await pipeline(part.file, counting(fileCounter(name)), fs.createWriteStream(target(name)));
      } else throw badUpload(`${name || "a file"}: upload .csv files, or one .zip of them`);
      if (part.file.truncated) throw tooLarge(limit);
    }
    if (names.size === 0) throw badUpload("no CSV file in the upload");
    const files = [...names].sort().map((name) => {
      const p = path.join(dir, name);
      return { name, path: p, bytes: fs.statSync(p).size };
    });
    return { dir, files, fields };
  } catch (err) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(limit);
    throw err;
  }
}

/** A pass-through that counts the bytes going by (and lets `count` refuse them). */
async function* countingGen(
  source: AsyncIterable<Buffer>,
  count: (n: number) => void,
): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    count(chunk.length);
    yield chunk;
  }
}
const counting = (count: (n: number) => void) => (source: AsyncIterable<Buffer>) =>
  countingGen(source, count);

/** Unpack the `.csv` entries of a zip stream as they arrive (fflate's streaming inflater). */
async function unzipTo(
  source: Readable,
  target: (name: string) => string,
  counter: (name: string) => (n: number) => void,
  maxRatio: number,
): Promise<void> {
  let received = 0;
  let unpacked = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  const pending: Promise<unknown>[] = [];
  let failure: unknown = null;
  let current: Writable | null = null;
  unzip.onfile = (entry) => {
    const name = path.posix.basename(entry.name.replace(/\\/g, "/"));
    if (entry.name.endsWith("/") || name.startsWith(".") || !name.toLowerCase().endsWith(".csv")) return;
    let out: Writable;
    try {
      out = fs.createWriteStream(target(name));
    } catch (err) {
      failure ??= err;
      return;
    }
    current = out;
    pending.push(once(out, "finish"));
    const count = counter(name);
    entry.ondata = (err, chunk, final) => {
      if (err || failure) {
        failure ??= err;
        out.destroy();
        entry.terminate();
        return;
      }
      try {
        count(chunk.length);
        unpacked += chunk.length;
        if (unpacked > RATIO_FLOOR_BYTES && unpacked > maxRatio * Math.max(received, 1)) {
          throw suspiciousZip(maxRatio);
        }
        out.write(chunk);
      } catch (e) {
        failure ??= e;
        out.destroy();
        // stop inflating now: the rest of this chunk is never expanded
        entry.terminate();
        return;
      }
      if (final) out.end();
    };
    entry.start();
  };
  try {
    for await (const chunk of source) {
      received += (chunk as Uint8Array).length;
      unzip.push(chunk as Uint8Array);
      if (failure) throw failure;
      const out = current as Writable | null;
      if (out?.writableNeedDrain) await once(out, "drain");
    }
    unzip.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw badUpload(`the zip cannot be read: ${(err as Error).message}`);
  }
  if (failure) throw failure;
  await Promise.all(pending);
}
