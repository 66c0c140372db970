import { openDatabase } from "../../server/infra/db/database.ts";
import { migrateToLatest } from "../../server/infra/db/migrate.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse } from "../common.ts";

export const migrate: Command = {
  name: "migrate",
  summary: "bring the database schema up to date",
  usage: `praxis migrate [options]

Runs the numbered migrations that have not run yet (serve does this too, at start).

${DB_HELP}`,
  async run(args) {
    const { values } = parse(args, DB_OPTIONS);
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const database = await openDatabase(configFrom(values)).catch((err: Error) => {
      throw new CliError(err.message);
    });
    try {
      const applied = await migrateToLatest(database.db);
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "the schema is up to date");
      return 0;
    } finally {
      await database.close();
    }
  },
};
