import { defineConfig } from "vitest/config";

/**
 * Three projects: the unit/API suite on PGlite (always), the same suite on PostgreSQL (when
 * DATABASE_URL is set), and the browser tests (Playwright driving Debian's Chromium).
 */
const apiSuite = (name: string, db: "pglite" | "postgres") => ({
  test: {
    name,
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    env: { TZ: "UTC", PRAXIS_TEST_DB: db },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks" as const,
  },
});

export default defineConfig({
  test: {
    projects: [
      apiSuite("unit", "pglite"),
      ...(process.env.DATABASE_URL ? [apiSuite("postgres", "postgres")] : []),
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.ts"],
          env: { TZ: "UTC" },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: "forks" as const,
          fileParallelism: false,
        },
      },
    ],
  },
});
