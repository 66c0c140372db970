import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrolledPatient } from "../support/registry-world.ts";
import { createWorld, type World } from "../support/world.ts";

/**
 * Issue 14, defect 8: the facts rebuild and verification lift the server's statement timeout
 * inside their transaction; they must still work (and agree) on both databases.
 */
let w: World;
beforeAll(async () => {
  w = await createWorld();
  await enrolledPatient(w, w.ids.sites.s1, w.ids.programmes.bpd, 20);
});
afterAll(async () => {
  await w?.close();
});

describe("indicator facts maintenance without a statement timeout", () => {
  it("rebuilds and verifies a programme's facts", async () => {
    const admin = await w.as("admin");
    const rebuilt = await admin.post(`/api/programmes/${w.ids.programmes.bpd}/indicator-facts/rebuild`);
    expect(rebuilt.statusCode, rebuilt.body).toBe(200);
    expect(rebuilt.json().enrolments).toBe(1);
    const verified = await admin.post(`/api/programmes/${w.ids.programmes.bpd}/indicator-facts/verify`, {});
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ programmeId: w.ids.programmes.bpd });
    const clinician = await w.as("clinician1");
    expect(
      (await clinician.post(`/api/programmes/${w.ids.programmes.bpd}/indicator-facts/rebuild`)).statusCode,
    ).toBe(403);
  });
});
