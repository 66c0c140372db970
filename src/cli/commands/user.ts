import { randomBytes } from "node:crypto";
import { Username } from "../../server/accounts/schemas.ts";
import { SYSTEM } from "../../server/infra/audit/audit.ts";
import { passwordProblem } from "../../server/infra/auth/password.ts";
import { ROLES } from "../../server/infra/auth/principal.ts";
import { AppError } from "../../server/infra/http/errors.ts";
import { createUser } from "../../server/users/create-user.ts";
import { GrantBody } from "../../server/users/schemas.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse, withDatabase } from "../common.ts";

export const user: Command = {
  name: "user",
  summary: "manage accounts (user add)",
  usage: `praxis user add USERNAME --role ROLE [--site CODE] [--programme CODE] [options]

Creates an account. Roles: ${ROLES.join(", ")}.
A regional_coordinator needs --programme; a site_coordinator or clinician needs --site;
a viewer may be limited to one --programme. The password comes from PRAXIS_PASSWORD, or is
generated and printed once; the user must change it at first login unless --keep-password.

  --role ROLE            the role to grant
  --site CODE            the site of a site role
  --programme CODE       the programme of a coordinator or viewer
  --display-name TEXT    how the user is shown
  --keep-password        do not ask for a change at first login
${DB_HELP}`,
  async run(args) {
    const { values, positionals } = parse(
      args,
      {
        ...DB_OPTIONS,
        role: { type: "string" },
        site: { type: "string" },
        programme: { type: "string" },
        "display-name": { type: "string" },
        "keep-password": { type: "boolean" },
      },
      true,
    );
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const [verb, username, ...rest] = positionals;
    if (verb !== "add" || !username || rest.length)
      throw new CliError(`usage: ${this.usage.split("\n")[0]}`, 2);
    const name = Username.safeParse(username);
    if (!name.success) throw new CliError(`USERNAME: ${name.error.issues[0]?.message}`, 2);
    if (!values.role) throw new CliError("--role is required", 2);
    const password = process.env.PRAXIS_PASSWORD || randomBytes(12).toString("base64url");
    const problem = passwordProblem(password, username);
    if (problem) throw new CliError(`PRAXIS_PASSWORD: ${problem.message} (${problem.rule})`, 2);
    return withDatabase(configFrom(values), async ({ db }) => {
      const site = values.site
        ? await db.selectFrom("sites").select("id").where("code", "=", values.site).executeTakeFirst()
        : null;
      if (values.site && !site) throw new CliError(`--site: no site with code ${values.site}`, 2);
      const programme = values.programme
        ? await db
            .selectFrom("programmes")
            .select("id")
            .where("code", "=", values.programme)
            .executeTakeFirst()
        : null;
      if (values.programme && !programme)
        throw new CliError(`--programme: no programme with code ${values.programme}`, 2);
      const grant = GrantBody.safeParse({
        role: values.role,
        siteId: site?.id ?? null,
        programmeId: programme?.id ?? null,
      });
      if (!grant.success) {
        throw new CliError(
          grant.error.issues.map((i) => `${i.path.join(".") || "role"}: ${i.message}`).join("; "),
          2,
        );
      }
      try {
        await createUser(db, SYSTEM, {
          username,
          displayName: values["display-name"],
          password,
          grants: [grant.data],
          mustChangePassword: !values["keep-password"],
        });
      } catch (err) {
        if (err instanceof AppError) throw new CliError(`${username}: ${err.message}`);
        throw err;
      }
      console.log(
        process.env.PRAXIS_PASSWORD
          ? `user ${username} created (${values.role})`
          : `user ${username} created (${values.role}); password: ${password}`,
      );
      return 0;
    });
  },
};
