import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { registerAccountRoutes } from "./accounts/routes.ts";
import { registerAuditRoutes } from "./audit/routes.ts";
import type { AppContext } from "./context.ts";
import { registerHealthRoutes } from "./health/routes.ts";
import { registerHomeRoutes } from "./home/routes.ts";
import { registerIndicatorFactsRoutes } from "./indicators/facts/routes.ts";
import { registerIndicatorRoutes } from "./indicators/routes.ts";
import { installAuth } from "./infra/auth/plugin.ts";
import { createPrincipalResolver } from "./infra/auth/session-resolver.ts";
import { openChangeFeed } from "./infra/db/change-feed.ts";
import { registerApiDocs } from "./infra/http/api-docs.ts";
import { frameworkErrors, installErrorHandler } from "./infra/http/error-handler.ts";
import { installInFlightLimit } from "./infra/http/in-flight-limit.ts";
import { installSecurityHeaders } from "./infra/http/security-headers.ts";
import { installTextGuard } from "./infra/http/text-guard.ts";
import { registerPracticeRoutes } from "./practices/routes.ts";
import { registerProgrammeRoutes } from "./programmes/routes.ts";
import { registerRegistryRoutes } from "./registry/routes.ts";
import { registerStructureRoutes } from "./structure/routes.ts";
import { registerTeamRoutes } from "./teams/routes.ts";
import { registerUserRoutes } from "./users/routes.ts";

export const BODY_LIMIT = 1024 * 1024;

/** Build the HTTP application. Nothing here listens: `serve` does, tests use `inject`. */
export async function buildApp(
  given: AppContext,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: given.config.logLevel } : false,
    bodyLimit: BODY_LIMIT,
    // Forwarded headers are believed only from the proxies listed in PRAXIS_TRUSTED_PROXIES.
    trustProxy: given.config.trustedProxies.length ? given.config.trustedProxies : false,
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie);
  await installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  installInFlightLimit(app, given.config.maxInFlight);
  installTextGuard(app);
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Praxis API",
        description: "Plan, record and monitor evidence-based mental-health practice.",
        version: "1",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "praxis_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await registerApiDocs(app);

  const changes = given.changes ?? (await openChangeFeed(given.database, app.log));
  if (!given.changes) app.addHook("onClose", () => changes.close());
  const ctx: AppContext = { ...given, changes };
  installAuth(
    app,
    createPrincipalResolver(ctx.database, changes, {
      idleMinutes: ctx.config.sessionIdleMinutes,
      maxHours: ctx.config.sessionMaxHours,
    }),
  );

  await app.register(async (api) => {
    const z = api.withTypeProvider<ZodTypeProvider>();
    registerHealthRoutes(z, ctx);
    registerAccountRoutes(z, ctx);
    registerUserRoutes(z, ctx);
    registerStructureRoutes(z, ctx);
    registerPracticeRoutes(z, ctx);
    registerProgrammeRoutes(z, ctx);
    registerTeamRoutes(z, ctx);
    registerRegistryRoutes(z, ctx);
    registerHomeRoutes(z, ctx);
    registerAuditRoutes(z, ctx);
    registerIndicatorRoutes(z, ctx);
    registerIndicatorFactsRoutes(z, ctx);
    (await import("./planning/routes.ts")).registerPlanningRoutes(z, ctx);
    (await import("./measures/routes.ts")).registerMeasureRoutes(z, ctx);
    (await import("./exchange/routes.ts")).registerExchangeRoutes(z, ctx);
    (await import("./fhir/routes.ts")).registerFhirRoutes(z, ctx);
    (await import("./backup/routes.ts")).registerBackupRoutes(z, ctx);
    (await import("./analysis/routes.ts")).registerAnalysisRoutes(z, ctx);
    (await import("./report/routes.ts")).registerReportRoutes(z, ctx);
    (await import("./site-status/routes.ts")).registerSiteStatusRoutes(z, ctx);
    (await import("./offers/routes.ts")).registerOfferRoutes(z, ctx);
    (await import("./directory/routes.ts")).registerDirectoryRoutes(z, ctx);
    (await import("./protocols/routes.ts")).registerProtocolRoutes(z, ctx);
    (await import("./care/routes.ts")).registerCareRoutes(z, ctx);
    (await import("./pathways/routes.ts")).registerPathwayRoutes(z, ctx);
  });

  serveWebApp(app, ctx.config.webDir);
  return app;
}

/** The built web app, with index.html for every client-side route. */
function serveWebApp(app: FastifyInstance, webDir: string): void {
  const index = path.join(webDir, "index.html");
  if (!fs.existsSync(index)) {
    app.get("/", { config: { public: true } }, async (_req, reply) =>
      reply
        .type("text/plain")
        .send("Praxis API is running. The web app is not built: run `npm run build:web` (npm start does).\n"),
    );
    return;
  }
  app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  const html = fs.readFileSync(index, "utf8");
  app.get("/*", { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    if (req.url.startsWith("/api/")) {
      return reply.status(404).send({ error: "not_found", message: `no route ${req.method} ${req.url}` });
    }
    const asset = path.join(webDir, req.url.split("?")[0]!);
    if (asset.startsWith(webDir + path.sep) && fs.existsSync(asset) && fs.statSync(asset).isFile()) {
      return reply.sendFile(path.relative(webDir, asset));
    }
    return reply.type("text/html").header("cache-control", "no-cache").send(html);
  });
}
