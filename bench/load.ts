import { openPostgres } from "../src/server/infra/db/database.ts";
import { describeLoad, prepareCast, runLoad, verifyLoad } from "../tests/support/load-scenario.ts";
import { cpuMsOf, freshPostgres, loadAverage, praxis, startServer } from "./support.ts";

/**
 * Issue 14, "load with nothing lost": the scenario of `tests/load/load.test.ts` for the full
 * minute — 30 clinicians recording interventions and group sessions with attendance, 10 readers
 * loading dashboards, through two `praxis serve` processes (one process each) on one PostgreSQL
 * holding the product's demo (`praxis demo`: the pilot region). Prints what was acknowledged,
 * found exactly once, missing, duplicated, the audit chain, the latencies per server and the
 * load average. Knobs: PRAXIS_BENCH_LOAD_SECONDS (60), PRAXIS_BENCH_LOAD_CLINICIANS (30),
 * PRAXIS_BENCH_LOAD_READERS (10), PRAXIS_BENCH_LOAD_PATIENTS (a bigger demo: `--patients N`),
 * PRAXIS_BENCH_LOAD_KILL=1 (SIGKILL server 2 halfway: its clients go on with server 1).
 */
export async function benchLoad(): Promise<Record<string, string | number>> {
  const pgdb = await freshPostgres("load");
  if (!pgdb) return { skipped: "DATABASE_URL not set (the scenario needs PostgreSQL: two servers share it)" };
  const seconds = Number(process.env.PRAXIS_BENCH_LOAD_SECONDS ?? 60);
  const clinicians = Number(process.env.PRAXIS_BENCH_LOAD_CLINICIANS ?? 30);
  const readers = Number(process.env.PRAXIS_BENCH_LOAD_READERS ?? 10);
  const patients = process.env.PRAXIS_BENCH_LOAD_PATIENTS;
  const kill = process.env.PRAXIS_BENCH_LOAD_KILL === "1";
  const env = { DATABASE_URL: pgdb.url };
  const servers: Array<Awaited<ReturnType<typeof startServer>>> = [];
  try {
    const demo = praxis(["demo", ...(patients ? ["--patients", patients] : [])], env);
    if (demo.code !== 0) throw new Error(`praxis demo failed: ${demo.stderr || demo.stdout}`);
    servers.push(
      ...(await Promise.all([startServer(["--workers", "1"], env), startServer(["--workers", "1"], env)])),
    );
    const database = await openPostgres(pgdb.url, { poolSize: 4 });
    try {
      const { db } = database;
      const { n: patientCount } = await db
        .selectFrom("patients")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const { n: interventionCount } = await db
        .selectFrom("interventions")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const cast = await prepareCast(db, { clinicians, readers });
      const before = servers.map((s) => cpuMsOf(s.pid));
      const loadBefore = loadAverage();
      const result = await runLoad(
        cast,
        servers.map((s) => s.url),
        {
          seconds,
          events: kill
            ? [{ afterSeconds: seconds / 2, run: () => process.kill(servers[1]!.pid, "SIGKILL") }]
            : [],
        },
      );
      const cpu = servers.map((s, i) => {
        const a = before[i];
        const b = cpuMsOf(s.pid);
        return a == null || b === null ? "n/a" : `${((b - a) / 1000).toFixed(1)} s`;
      });
      const verdict = await verifyLoad(db, cast, result);
      const figures: Record<string, string | number> = {
        data: `praxis demo${patients ? ` --patients ${patients}` : ""}: ${patientCount} patients, ${interventionCount} interventions before the run`,
        "load average (1 min) before the run": loadBefore,
        ...(kill ? { "server 2": `killed (SIGKILL) after ${seconds / 2} s` } : {}),
        ...describeLoad(cast, result, verdict, servers.length),
        "server CPU during the run (Node, per server)": cpu.join(", "),
      };
      const problems = [
        ...verdict.missing.map((m) => `missing: ${m}`),
        ...verdict.duplicates.map((m) => `duplicated: ${m}`),
        ...verdict.refusalProblems.map((m) => `refusal: ${m}`),
        ...verdict.partial.map((m) => `partial: ${m}`),
        ...verdict.notAcknowledged.map((n) => `not acknowledged: ${JSON.stringify(n)}`),
        ...verdict.unexplained.map((m) => `unexplained: ${m}`),
        ...verdict.auditMismatches.map((m) => `audit: ${m}`),
        ...result.samples
          .filter((s) => s.kind === "read" && s.status !== 200)
          .map((s) => `read ${s.path}: ${s.status} ${s.error ?? ""}`),
      ];
      if (problems.length) figures["problems (first 20)"] = `\n    ${problems.slice(0, 20).join("\n    ")}`;
      return figures;
    } finally {
      await database.close();
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    if (process.env.PRAXIS_BENCH_KEEP !== "1") await pgdb.drop();
  }
}
