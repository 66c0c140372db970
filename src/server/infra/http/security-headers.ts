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
  app.addHook("onRequest", (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
