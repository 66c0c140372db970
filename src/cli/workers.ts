import cluster, { type Worker } from "node:cluster";

/** What a worker of `serve --workers N` tells the primary. */
export type WorkerMessage = { type: "listening" };

/** A worker that dies is replaced, unless this many died within the last minute. */
const MAX_RESTARTS_PER_MINUTE = 5;
/** How long workers get to finish their requests after SIGTERM. */
const STOP_GRACE_MS = 10_000;

/**
 * The primary of `praxis serve --workers N` (node:cluster): forks N copies of this command,
 * which share the port (the primary hands out connections in turn), calls `onReady` once all N
 * listen, replaces a worker that dies (giving up after too many deaths in a minute, or any death
 * before all were ready — a broken configuration would otherwise restart forever), and on
 * SIGTERM / SIGINT stops the workers and exits when they have.
 */
export async function superviseWorkers(count: number, onReady: (workers: number) => void): Promise<void> {
  const listening = new Set<number>();
  const deaths: number[] = [];
  let ready = false;
  let stopping = false;
  let exitCode = 0;

  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);

  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message: WorkerMessage) => {
      if (message?.type !== "listening") return;
      listening.add(worker.id);
      if (!ready && listening.size === count) {
        ready = true;
        onReady(count);
      }
    });
  };

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const workers = alive();
    if (workers.length === 0) process.exit(exitCode);
    for (const w of workers) w.process.kill("SIGTERM");
    setTimeout(() => {
      for (const w of alive()) w.process.kill("SIGKILL");
      process.exit(exitCode || 1);
    }, STOP_GRACE_MS).unref();
  };

  cluster.on("exit", (worker, code, signal) => {
    listening.delete(worker.id);
    if (stopping) {
      if (alive().length === 0) process.exit(exitCode);
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!ready) {
      console.error(`praxis serve: a worker exited while starting (${how}); stopping`);
      stop(1);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && deaths[0]! < now - 60_000) deaths.shift();
    if (deaths.length > MAX_RESTARTS_PER_MINUTE) {
      console.error(`praxis serve: ${deaths.length} workers died within a minute; stopping`);
      stop(1);
      return;
    }
    console.error(`praxis serve: worker ${worker.process.pid} exited (${how}); starting another`);
    fork();
  });

  process.once("SIGINT", () => stop(0));
  process.once("SIGTERM", () => stop(0));
  for (let i = 0; i < count; i++) fork();
}
