import { randomBytes } from "node:crypto";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../support/world.ts";

/**
 * Issue 14, defect 10: a small zip could unpack to the whole 2 GiB limit; one user could run
 * any number of uploads at once. Limits are read when the app is built.
 */
let w: World;
beforeAll(async () => {
  process.env.PRAXIS_IMPORT_MAX_FILE_BYTES = String(30 * 1024 ** 2);
  process.env.PRAXIS_IMPORT_MAX_RATIO = "100";
  process.env.PRAXIS_IMPORT_MAX_UPLOADS_PER_USER = "1";
  w = await createWorld();
});
afterAll(async () => {
  delete process.env.PRAXIS_IMPORT_MAX_FILE_BYTES;
  delete process.env.PRAXIS_IMPORT_MAX_RATIO;
  delete process.env.PRAXIS_IMPORT_MAX_UPLOADS_PER_USER;
  await w?.close();
});

function multipart(files: Record<string, Uint8Array>) {
  const boundary = `----praxis${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, data] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(data),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const post = async (files: Record<string, Uint8Array>) => {
  const admin = await w.as("admin");
  const body = multipart(files);
  return admin.inject({ method: "POST", url: "/api/imports", payload: body.payload, headers: body.headers });
};

describe("zip bombs and upload limits", () => {
  it("refuses a zip whose compression ratio is past the limit, while unpacking", async () => {
    // 25 MiB of one repeated line compresses about a thousand times.
    const line = "P1,1990,F,2020-01-01\n";
    const csv = Buffer.from(line.repeat(Math.ceil((25 * 1024 ** 2) / line.length)));
    const zip = zipSync({ "patients.csv": csv }, { level: 9 });
    expect(zip.length).toBeLessThan(csv.length / 100);
    const res = await post({ "extract.zip": zip });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().message).toMatch(/PRAXIS_IMPORT_MAX_RATIO/);
  });

  it("refuses one file past the per-file limit (random data: no ratio to blame)", async () => {
    const big = randomBytes(31 * 1024 ** 2)
      .toString("base64")
      .slice(0, 31 * 1024 ** 2);
    const res = await post({ "patients.csv": Buffer.from(big) });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().message).toMatch(/PRAXIS_IMPORT_MAX_FILE_BYTES/);
  });

  it("limits a user's uploads in progress", async () => {
    const ok = Buffer.from("site_code,area_code,name\n");
    const [a, b] = await Promise.all([post({ "sites.csv": ok }), post({ "sites.csv": ok })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([202, 429]);
  });
});
