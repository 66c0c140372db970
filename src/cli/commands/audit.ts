import fs from "node:fs";
import {
  type AuditCheckpoint,
  auditCheckpoint,
  parseCheckpoint,
  verifyAuditChain,
} from "../../server/infra/audit/verify.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse, withDatabase } from "../common.ts";

export const auditCommand: Command = {
  name: "audit",
  summary: "check the audit log (audit verify), record its head (audit checkpoint)",
  usage: `praxis audit verify [--checkpoint FILE] [options]
       praxis audit checkpoint --out FILE [options]

verify      Recomputes the audit log's hash chain and reports the first broken link: an entry
            altered after it was written, or entries deleted. With --checkpoint, the entry the
            checkpoint recorded must still be there with the same hash, which also detects the
            newest entries removed. Exit code 0 when intact, 1 when broken.
checkpoint  Writes the head of the chain (entry count and hash) to FILE, as JSON. Keep it
            outside the database (backup log, another machine).

Keyed entries (HMAC-SHA-256) need PRAXIS_AUDIT_KEY to verify.

${DB_HELP}`,
  async run(args) {
    const { values, positionals } = parse(
      args,
      { ...DB_OPTIONS, checkpoint: { type: "string" }, out: { type: "string" } },
      true,
    );
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const verb = positionals[0];
    if ((verb !== "verify" && verb !== "checkpoint") || positionals.length > 1)
      throw new CliError(`usage: ${this.usage.split("\n")[0]}`, 2);
    if (verb === "checkpoint") {
      const out = values.out;
      if (!out) throw new CliError("--out FILE is required", 2);
      return withDatabase(configFrom(values), async ({ db }) => {
        const cp = await auditCheckpoint(db);
        fs.writeFileSync(out, `${JSON.stringify(cp, null, 2)}\n`);
        console.log(`audit checkpoint written to ${out}: ${cp.entries} entries, head ${cp.hash}`);
        return 0;
      });
    }
    let checkpoint: AuditCheckpoint | undefined;
    if (values.checkpoint) {
      try {
        checkpoint = parseCheckpoint(fs.readFileSync(values.checkpoint, "utf8"));
      } catch (err) {
        throw new CliError(`--checkpoint ${values.checkpoint}: ${(err as Error).message}`, 2);
      }
    }
    return withDatabase(configFrom(values), async ({ db }) => {
      const result = await verifyAuditChain(db, 5000, checkpoint);
      if (result.ok) {
        console.log(
          `audit log intact: ${result.entries} entries, last hash ${result.lastHash}` +
            (result.keyedFrom ? ` (keyed from entry ${result.keyedFrom})` : "") +
            (checkpoint ? `; checkpoint of ${checkpoint.at} (${checkpoint.entries} entries) matches` : ""),
        );
        return 0;
      }
      console.log(
        `audit log BROKEN at entry ${result.brokenAt}: ${result.reason} (${result.entries} entries verified before it)`,
      );
      return 1;
    });
  },
};
