import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** What a subscriber to notification channels is told. */
export interface ChannelHandlers {
  /** A notification on one of the channels, in commit order. */
  message(channel: string, payload: string): void;
  /** The connection is gone: notifications may be missed from now until `restored`. */
  lost(reason: string): void;
  /** Listening again after a loss (the notifications in between are lost for good). */
  restored(): void;
}

/**
 * A LISTEN subscription to one or more channels. `barrier()` resolves once every notification committed before the call
 * has been handed to `message` — the guarantee that lets a server trust its cache right after
 * another server revoked something — and rejects while the subscription is down.
 */
export interface ChannelListener {
  readonly healthy: boolean;
  /** The PostgreSQL backend that listens (null on PGlite or while down): for operators and tests. */
  readonly backendPid: number | null;
  /**
   * `since` (a `performance.now()` time, e.g. when the request arrived) lets a caller reuse a
   * barrier that another caller already passed, if it started at or after that time.
   */
  barrier(since?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * PGlite: one backend in this process; a notification reaches its callback while the committing
 * query is still being answered, before that query's promise resolves. Nothing can be missed,
 * so the barrier is free.
 */
export async function listenPGlite(
  pglite: PGlite,
  channels: readonly string[],
  handlers: ChannelHandlers,
): Promise<ChannelListener> {
  const unlistens: Array<() => Promise<void>> = [];
  for (const channel of channels) {
    unlistens.push(await pglite.listen(channel, (payload) => handlers.message(channel, payload)));
  }
  let closed = false;
  return {
    get healthy() {
      return !closed;
    },
    backendPid: null,
    barrier: () => (closed ? Promise.reject(new Error("listener closed")) : Promise.resolve()),
    async close() {
      if (closed) return;
      closed = true;
      if (!pglite.closed) for (const unlisten of unlistens) await unlisten();
    },
  };
}

export interface PostgresListenOptions {
  /** Give up on a barrier (and reconnect) after this long. */
  barrierTimeoutMs?: number;
  /** First and longest wait between reconnection attempts. */
  retryMs?: [number, number];
}

/**
 * PostgreSQL: a dedicated connection that LISTENs. A notification is sent to a listening
 * backend before the notifying transaction's commit is acknowledged, and the listening backend
 * delivers what it was sent before answering its next query. So a round trip on this connection
 * started after a commit was acknowledged (anywhere) returns after that commit's notifications:
 * that round trip is the barrier. Barriers are shared: callers that arrive while one is in
 * flight wait for the next, which starts when the current one ends (one query, however many
 * callers). A dropped connection, an error or a barrier slower than the timeout reports `lost`
 * and reconnects with backoff; `restored` follows once LISTEN is in force again.
 */
export async function listenPostgres(
  connection: pg.ClientConfig,
  channels: readonly string[],
  handlers: ChannelHandlers,
  options: PostgresListenOptions = {},
): Promise<ChannelListener> {
  const timeoutMs = options.barrierTimeoutMs ?? 2000;
  const [retryMin, retryMax] = options.retryMs ?? [100, 5000];
  let client: pg.Client | null = null;
  let healthy = false;
  let closed = false;
  let backendPid: number | null = null;
  let retry = retryMin;
  let inFlight: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  // when the latest barrier that completed was started: notifications committed before then are in
  let syncedFrom = Number.NEGATIVE_INFINITY;
  let reconnectTimer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client(connection);
    c.on("notification", (n) => {
      if (c === client && channels.includes(n.channel)) handlers.message(n.channel, n.payload ?? "");
    });
    c.on("error", (err) => drop(c, err.message));
    c.on("end", () => drop(c, "connection ended"));
    try {
      await c.connect();
      for (const channel of channels) await c.query(`listen ${pg.escapeIdentifier(channel)}`);
      backendPid = (await c.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    } catch (err) {
      c.removeAllListeners("end");
      c.on("error", () => {});
      await c.end().catch(() => {});
      throw err;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    healthy = true;
    retry = retryMin;
  };

  const drop = (c: pg.Client, reason: string) => {
    if (c !== client) return;
    client = null;
    healthy = false;
    backendPid = null;
    syncedFrom = Number.NEGATIVE_INFINITY;
    c.removeAllListeners("notification");
    c.on("error", () => {});
    void c.end().catch(() => {});
    if (closed) return;
    handlers.lost(reason);
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(async () => {
      reconnectTimer = null;
      try {
        await connect();
        if (healthy) handlers.restored();
      } catch {
        retry = Math.min(retry * 2, retryMax);
        scheduleReconnect();
      }
    }, retry);
    reconnectTimer.unref();
  };

  const roundTrip = (): Promise<void> => {
    const c = client;
    if (!c || !healthy) return Promise.reject(new Error("not listening"));
    const startedAt = performance.now();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no answer on the LISTEN connection within ${timeoutMs} ms`));
        drop(c, "barrier timed out");
      }, timeoutMs);
      c.query(";").then(
        () => {
          clearTimeout(timer);
          // the connection may have been replaced while the query ran: only its own answer counts
          if (c === client) {
            if (startedAt > syncedFrom) syncedFrom = startedAt;
            resolve();
          } else reject(new Error("LISTEN connection replaced"));
        },
        (err: Error) => {
          clearTimeout(timer);
          reject(err);
          drop(c, err.message);
        },
      );
    });
  };

  const barrier = (since?: number): Promise<void> => {
    if (!healthy) return Promise.reject(new Error("not listening"));
    if (since !== undefined && syncedFrom >= since) return Promise.resolve();
    if (next) return next;
    if (!inFlight) {
      const p = roundTrip();
      inFlight = p;
      const clear = () => {
        if (inFlight === p) inFlight = null;
      };
      p.then(clear, clear);
      return p;
    }
    const after = inFlight;
    const p: Promise<void> = after
      .catch(() => {})
      .then(() => {
        next = null;
        const q = roundTrip();
        inFlight = q;
        const clear = () => {
          if (inFlight === q) inFlight = null;
        };
        q.then(clear, clear);
        return q;
      });
    next = p;
    return p;
  };

  await connect();
  return {
    get healthy() {
      return healthy;
    },
    get backendPid() {
      return backendPid;
    },
    barrier,
    async close() {
      closed = true;
      healthy = false;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners("end");
        c.on("error", () => {});
        await c.end().catch(() => {});
      }
    },
  };
}
