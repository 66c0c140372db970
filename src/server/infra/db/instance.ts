import { randomBytes } from "node:crypto";

/**
 * This server process among all that share the database: its pid and a random suffix (pids are
 * reused across restarts and hosts). Every PostgreSQL connection of the process carries it in
 * its application_name, so another server can tell from pg_stat_activity whether the process
 * that owns an import job still has a connection, i.e. still lives.
 */
export const SERVER_INSTANCE = `${process.pid}-${randomBytes(4).toString("hex")}`;

/** application_name of this process's connections: `praxis[ role] <instance>`. */
export const applicationName = (role?: string) => `praxis${role ? ` ${role}` : ""} ${SERVER_INSTANCE}`;
