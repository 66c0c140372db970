import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { PassThrough, type Readable } from "node:stream";
import { Zip, ZipDeflate } from "fflate";

/** A zip of the files of `dir`, deflated as it is read (fflate), with backpressure. */
export function zipFiles(dir: string, names: string[]): Readable {
  const out = new PassThrough();
  const zip = new Zip((err, data, final) => {
    if (err) out.destroy(err);
    else {
      out.write(data);
      if (final) out.end();
    }
  });
  (async () => {
    for (const name of names) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      for await (const chunk of fs.createReadStream(path.join(dir, name))) {
        entry.push(chunk as Uint8Array);
        if (out.writableNeedDrain) await once(out, "drain");
      }
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
  })().catch((err) => out.destroy(err));
  return out;
}
