import type { FastifyInstance } from "fastify";
import { AppError } from "./errors.ts";

/** Seconds a refused client is asked to wait. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * A bound on the requests one process works on at once. Past `max`, a request is refused at
 * once with 503 and `Retry-After` — it costs a header parse and a small reply — instead of
 * joining unbounded queues (the database pool's waiters, PGlite's one connection) where every
 * client would wait longer and memory would grow with the burst. A request counts from its
 * first hook until its response is finished or its connection closes, whichever comes first.
 */
export function installInFlightLimit(app: FastifyInstance, max: number): { readonly inFlight: number } {
  let inFlight = 0;
  app.addHook("onRequest", (_req, reply, done) => {
    if (inFlight >= max) {
      done(
        new AppError(
          "overloaded",
          `the server is busy (${max} requests in progress); retry in ${RETRY_AFTER_SECONDS} s`,
          [],
          { "retry-after": String(RETRY_AFTER_SECONDS) },
        ),
      );
      return;
    }
    inFlight += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= 1;
    };
    reply.raw.once("finish", release);
    reply.raw.once("close", release);
    done();
  });
  return {
    get inFlight() {
      return inFlight;
    },
  };
}
