import { describe, expect, it } from "vitest";
import { worldOfFile } from "../support/world.ts";

/** Issue 14, defect 6: patient-level answers were cacheable; HSTS was sent over plain HTTP. */
const w = worldOfFile();

describe("Cache-Control and HSTS", () => {
  it.each(["/api/me", "/api/patients", "/api/audit", "/api/health"])(
    "%s answers Cache-Control: no-store",
    async (url) => {
      const admin = await w.as("admin");
      const res = await admin.get(url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["cache-control"]).toBe("no-store");
    },
  );

  it("the export zip is not stored either", async () => {
    const admin = await w.as("admin");
    const res = await admin.get(`/api/programmes/${w.ids.programmes.bpd}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("errors are not stored", async () => {
    const res = await w.anonymous.get("/api/patients");
    expect(res.statusCode).toBe(401);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("sends no HSTS over plain HTTP", async () => {
    const res = await w.anonymous.get("/api/health");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    expect(res.headers["content-security-policy"]).toBeDefined();
  });

  it("sends HSTS over HTTPS (as a trusted proxy reports it)", async () => {
    const res = await w.app.inject({
      method: "GET",
      url: "/api/health",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  it("an untrusted client cannot claim HTTPS", async () => {
    const res = await w.app.inject({
      method: "GET",
      url: "/api/health",
      headers: { "x-forwarded-proto": "https" },
      remoteAddress: "10.5.5.5",
    });
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });
});
