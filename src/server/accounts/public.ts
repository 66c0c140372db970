/** What other capabilities may use of accounts (tests/architecture/server-imports.test.ts): the credential rules. */
export { Password, Username } from "./schemas.ts";
