import path from "node:path";

/** Runtime configuration, read from the environment; CLI flags override it (see src/cli). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Idle minutes after which a session expires. */
  sessionIdleMinutes: number;
  /** Absolute lifetime of a session, in hours. */
  sessionMaxHours: number;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean;
  /** Where the built web app lives. */
  webDir: string;
  logLevel: string;
  /**
   * Requests one server process handles at once; more are answered 503 with Retry-After at
   * once instead of queueing without bound (see infra/http/in-flight-limit.ts).
   */
  maxInFlight: number;
  /**
   * Proxies whose X-Forwarded-For / -Proto are believed (addresses or CIDRs). Empty: none, so
   * `req.ip` is the socket's peer and a client cannot choose the address login throttling counts.
   */
  trustedProxies: string[];
  /**
   * PostgreSQL, the server only: `statement_timeout` and `lock_timeout` of the pool's sessions
   * (a runaway or blocked query ends instead of holding a connection for ever); long admin
   * operations lift it for their transaction. The CLI's commands run without it.
   */
  dbStatementTimeoutMs: number;
  /** PostgreSQL: how long to wait for a new connection before failing. */
  dbConnectTimeoutMs: number;
  /** The largest protocol tool a coordinator may upload, in megabytes (PRAXIS_PROTOCOL_TOOL_MAX_MB). */
  protocolToolMaxMb: number;
  /**
   * The embedded database: minutes between two looks for tables grown enough to need new planner
   * statistics (PGlite has no autovacuum; infra/db/statistics.ts).
   */
  statisticsEveryMinutes: number;
}

function listFrom(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function intFrom(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const base: Config = {
    port: intFrom("PORT", env.PORT, 8080),
    host: env.HOST || "0.0.0.0",
    dataDir: path.resolve(env.PRAXIS_DATA_DIR || "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    sessionIdleMinutes: intFrom("PRAXIS_SESSION_IDLE_MINUTES", env.PRAXIS_SESSION_IDLE_MINUTES, 480),
    sessionMaxHours: intFrom("PRAXIS_SESSION_MAX_HOURS", env.PRAXIS_SESSION_MAX_HOURS, 24),
    secureCookies: env.PRAXIS_SECURE_COOKIES === "1" || env.PRAXIS_SECURE_COOKIES === "true",
    webDir: path.resolve(env.PRAXIS_WEB_DIR || "./dist/web"),
    logLevel: env.PRAXIS_LOG_LEVEL || "info",
    maxInFlight: intFrom("PRAXIS_MAX_IN_FLIGHT", env.PRAXIS_MAX_IN_FLIGHT, 256),
    trustedProxies: listFrom(env.PRAXIS_TRUSTED_PROXIES),
    dbStatementTimeoutMs: intFrom(
      "PRAXIS_DB_STATEMENT_TIMEOUT_MS",
      env.PRAXIS_DB_STATEMENT_TIMEOUT_MS,
      60_000,
    ),
    dbConnectTimeoutMs: intFrom("PRAXIS_DB_CONNECT_TIMEOUT_MS", env.PRAXIS_DB_CONNECT_TIMEOUT_MS, 5000),
    protocolToolMaxMb: intFrom("PRAXIS_PROTOCOL_TOOL_MAX_MB", env.PRAXIS_PROTOCOL_TOOL_MAX_MB, 10),
    statisticsEveryMinutes: intFrom("PRAXIS_STATISTICS_MINUTES", env.PRAXIS_STATISTICS_MINUTES, 10),
  };
  const merged = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  }
  return merged;
}
