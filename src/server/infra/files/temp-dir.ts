import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isAlive } from "../process-alive.ts";

/**
 * Temporary directories of imports and uploads, named with the process id: a process killed
 * midway (even by SIGKILL) cannot remove its own, so the next one removes those whose process is
 * gone. Nothing in them matters once their process has ended.
 */
export async function makeTempDir(kind: "import" | "upload" | "export" | "backup"): Promise<string> {
  await removeOrphans(kind);
  return fs.promises.mkdtemp(path.join(os.tmpdir(), `praxis-${kind}-${process.pid}-`));
}

async function removeOrphans(kind: string): Promise<void> {
  const pattern = new RegExp(`^praxis-${kind}-(\\d+)-`);
  let names: string[];
  try {
    names = await fs.promises.readdir(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid))
      await fs.promises.rm(path.join(os.tmpdir(), name), { recursive: true, force: true }).catch(() => {});
  }
}
