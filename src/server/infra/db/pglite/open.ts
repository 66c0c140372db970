import fs from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { DurableNodeFS } from "./durable-fs.ts";
import { pgliteStartParams } from "./settings.ts";
import { readTemplate, syncDirectory, templatePath, unpackTemplate } from "./template.ts";

export type Creation = "existing" | "template" | "initdb";

/**
 * Open PGlite on `pgdata` (the `pgdata` folder of Praxis's data directory), creating the
 * database first when there is none. Creation is atomic: the new data directory is written
 * under `pgdata.creating` (from the template, see template.ts) and renamed into place once
 * every file is on disk, so a process killed while creating leaves no half-made database —
 * the next start begins again. Without a usable template (a build that did not ship it, or a
 * PGlite upgrade that was not followed by `npm run pglite-template`) PGlite's own initdb makes
 * the database, at the cost of ~0.8 GB of memory for a few seconds.
 */
export async function openOnDisk(
  pgdata: string,
  options: Pick<PGliteOptions, "parsers">,
): Promise<{ pglite: PGlite; creation: Creation }> {
  let creation: Creation = "existing";
  if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) {
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0)
      throw new Error(
        `${pgdata} is not a PostgreSQL data directory (no PG_VERSION) and is not empty: move it away to create a new database`,
      );
    creation = await create(pgdata, "template");
  }
  try {
    return { pglite: await start(pgdata, options), creation };
  } catch (err) {
    if (creation !== "template") throw err;
    // A template PGlite cannot start (its catalogue version differs): make the database anew.
    console.error(
      `praxis: the embedded database template does not fit the installed PGlite (${(err as Error).message}); creating the database with PGlite's initdb instead (run npm run pglite-template)`,
    );
    fs.rmSync(pgdata, { recursive: true, force: true });
    await create(pgdata, "initdb");
    return { pglite: await start(pgdata, options), creation: "initdb" };
  }
}

/** An in-memory database (tests), from the template when there is one. */
export async function openInMemory(options: Pick<PGliteOptions, "parsers">): Promise<PGlite> {
  const template = templatePath();
  const pglite = new PGlite({
    ...options,
    relaxedDurability: true,
    startParams: pgliteStartParams(false),
    ...(template ? { loadDataDir: new Blob([new Uint8Array(readTemplate(template))]) } : {}),
  });
  await pglite.waitReady;
  return pglite;
}

async function start(pgdata: string, options: Pick<PGliteOptions, "parsers">): Promise<PGlite> {
  const pglite = new PGlite({
    ...options,
    fs: new DurableNodeFS(pgdata),
    // relaxedDurability only stops PGlite awaiting its file system's sync hook after every
    // query, which for a Node directory does nothing: commits are flushed by PostgreSQL's own
    // fsync (see durable-fs.ts), so nothing is less durable and a query costs less.
    relaxedDurability: true,
    startParams: pgliteStartParams(true),
  });
  await pglite.waitReady;
  return pglite;
}

async function create(pgdata: string, how: "template" | "initdb"): Promise<Creation> {
  const creating = `${pgdata}.creating`;
  fs.mkdirSync(path.dirname(pgdata), { recursive: true });
  fs.rmSync(creating, { recursive: true, force: true });
  const template = how === "template" ? templatePath() : null;
  let made: Creation;
  if (template) {
    await unpackTemplate(readTemplate(template), creating);
    made = "template";
  } else {
    const pglite = new PGlite({ fs: new DurableNodeFS(creating), startParams: pgliteStartParams(true) });
    await pglite.waitReady;
    await pglite.close();
    made = "initdb";
  }
  fs.rmSync(pgdata, { recursive: true, force: true });
  fs.renameSync(creating, pgdata);
  syncDirectory(path.dirname(pgdata));
  return made;
}
