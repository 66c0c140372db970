import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";

/**
 * The Content-Security-Policy of the API docs (Swagger UI), on its own routes only.
 *
 * Swagger UI writes `style="…"` attributes and `<style>` elements from its script, which no hash
 * can allow (style attributes would need 'unsafe-hashes' plus one hash per value, and the values
 * change with the document). Its own default policy lists hashes, which switches
 * 'unsafe-inline' off, so the page came out unstyled and broken. Styles are therefore allowed
 * inline here — exactly what the rest of the app already allows (Mantine injects its styles the
 * same way) — while scripts stay 'self' only: every script of the page is a file served from
 * /api/docs/static (no inline script, no eval), no request leaves the origin (the online
 * validator is off), and the page may not be framed.
 */
export const API_DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Swagger UI's colours that fall short of 4.5:1 on its backgrounds (grey texts, the coloured
 * method labels' white on light green/orange), darkened; loaded after its own stylesheet.
 */
const CONTRAST_CSS = `
.swagger-ui .opblock .opblock-summary-method { background: #1c3d8c; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1864ab; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #2b6a3a; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #8a4b08; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #0c6b58; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b02525; }
.swagger-ui .opblock-tag small, .swagger-ui .opblock .opblock-summary-description,
.swagger-ui .info .base-url, .swagger-ui .parameter__in, .swagger-ui .prop-format,
.swagger-ui .model-title, .swagger-ui .model .property, .swagger-ui .renderedMarkdown p,
.swagger-ui .response-col_links, .swagger-ui .opblock-description-wrapper p,
.swagger-ui .parameter__type, .swagger-ui .prop-type, .swagger-ui .info li, .swagger-ui .info p,
.swagger-ui .info table, .swagger-ui .info a, .swagger-ui .scheme-container .schemes-title,
.swagger-ui .btn, .swagger-ui .opblock .opblock-summary-path, .swagger-ui .model-toggle:after,
.swagger-ui .opblock .opblock-summary-operation-id { color: #212529; }
.swagger-ui .info .title small pre, .swagger-ui .info .title small { color: #fff; background: #495057; }
.swagger-ui .info .title small.version-stamp { background: #2b6a3a; }
.swagger-ui .btn.authorize { color: #2b6a3a; border-color: #2b6a3a; }
.swagger-ui .btn.authorize svg { fill: #2b6a3a; }
`;

/** The API docs at /api/docs, public, with their own CSP (see API_DOCS_CSP). */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/docs")) route.config = { ...(route.config as object), public: true };
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: API_DOCS_CSP,
    validatorUrl: false,
    // Swagger UI's top bar (logo without alt text, an unlabelled URL field, a low-contrast
    // "Explore" button) is left out: the page shows this API's document only. Without deep links
    // an operation's path is text, not a link nested in the operation's toggle button.
    uiConfig: { layout: "BaseLayout", deepLinking: false },
    theme: { title: "Praxis API", css: [{ filename: "praxis.css", content: CONTRAST_CSS }] },
  });
}
