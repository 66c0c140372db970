import helmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";

/** Headers of the probe's answer that are not helmet's. */
const NOT_SECURITY = new Set(["content-type", "content-length", "date", "connection", "keep-alive"]);

/**
 * The security headers helmet would send, computed once. @fastify/helmet builds a helmet
 * middleware (and re-parses the Content-Security-Policy directives) on every request; with
 * static options the answer never changes, so a throwaway instance answers one probe and every
 * request then gets the same headers in one call. Routes that send their own CSP later (the API
 * docs, in onSend) still override it.
 *
 * Also: `Cache-Control: no-store` on every /api answer, and HSTS only over HTTPS.
 */
export async function installSecurityHeaders(
  app: FastifyInstance,
  options: FastifyHelmetOptions,
): Promise<void> {
  const probe = Fastify();
  await probe.register(helmet, options);
  probe.get("/", async () => "");
  const res = await probe.inject({ method: "GET", url: "/" });
  await probe.close();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (!NOT_SECURITY.has(name) && typeof value === "string") headers[name] = value;
  }
  if (!headers["content-security-policy"])
    throw new Error("helmet probe produced no Content-Security-Policy");
  // HSTS over plain HTTP is meaningless at best (browsers ignore it) and wrong behind a proxy
  // that is not there yet: sent only when the request came over HTTPS (directly, or through a
  // proxy listed in PRAXIS_TRUSTED_PROXIES that says so in X-Forwarded-Proto).
  const hsts = headers["strict-transport-security"];
  delete headers["strict-transport-security"];
  app.addHook("onRequest", (req, reply, done) => {
    reply.headers(headers);
    if (hsts && req.protocol === "https") reply.header("strict-transport-security", hsts);
    // API answers carry patient-level data and exports: never stored by a browser or a shared
    // cache. The API docs' static files are the only public assets under /api.
    if (req.url.startsWith("/api/") && !req.url.startsWith("/api/docs/static/")) {
      reply.header("cache-control", "no-store");
    }
    done();
  });
}
