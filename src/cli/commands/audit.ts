import { verifyAuditChain } from "../../server/infra/audit/verify.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse, withDatabase } from "../common.ts";

export const auditCommand: Command = {
  name: "audit",
  summary: "check the audit log (audit verify)",
  usage: `praxis audit verify [options]

Recomputes the audit log's hash chain and reports the first broken link: an entry altered after
it was written, or entries deleted. Exit code 0 when intact, 1 when broken.

${DB_HELP}`,
  async run(args) {
    const { values, positionals } = parse(args, DB_OPTIONS, true);
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals[0] !== "verify" || positionals.length > 1)
      throw new CliError(`usage: ${this.usage.split("\n")[0]}`, 2);
    return withDatabase(configFrom(values), async ({ db }) => {
      const result = await verifyAuditChain(db);
      if (result.ok) {
        console.log(`audit log intact: ${result.entries} entries, last hash ${result.lastHash}`);
        return 0;
      }
      console.log(
        `audit log BROKEN at entry ${result.brokenAt}: ${result.reason} (${result.entries} entries verified before it)`,
      );
      return 1;
    });
  },
};
