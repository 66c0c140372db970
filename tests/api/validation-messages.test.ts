import { describe, expect, it } from "vitest";
import { today as regionToday, yearOf } from "../../src/server/infra/time/civil-date.ts";
import { isKnownRule } from "../../src/shared/validation-messages.ts";
import { patientBody, withRegistryWorld } from "../support/registry-world.ts";
import { RAW_ZOD } from "../support/world.ts";

const { w, c } = withRegistryWorld();

interface Issue {
  field: string;
  rule: string;
  params?: Record<string, unknown>;
  message: string;
}

/**
 * A refusal names each field with a rule code the translation layer knows and the params a client
 * needs to say it in its language; zod's own text never reaches the client (every API test checks
 * the same through the world's watcher, tests/support/world.ts).
 */
describe("refusals a client can translate", () => {
  it.each<[string, () => [string, object], Array<Omit<Issue, "message"> & { message?: string }>]>([
    [
      "a patient without birth year and sex",
      () => ["/api/patients", patientBody(w.ids.sites.s1, { birthYear: null, sex: "" })],
      [
        { field: "body.birthYear", rule: "required", message: "is required" },
        { field: "body.sex", rule: "required", message: "is required" },
      ],
    ],
    [
      "a patient with an unknown sex and a year as text",
      () => ["/api/patients", patientBody(w.ids.sites.s1, { birthYear: "1990", sex: "female" })],
      [
        {
          field: "body.birthYear",
          rule: "invalid_type",
          params: { expected: "number" },
          message: "must be a number",
        },
        {
          field: "body.sex",
          rule: "invalid_value",
          params: { values: ["F", "M", "X", "U"] },
          message: "must be one of F, M, X or U",
        },
      ],
    ],
    [
      "a patient born next year",
      () => ["/api/patients", patientBody(w.ids.sites.s1, { birthYear: yearOf(regionToday()) + 1 })],
      [{ field: "body.birthYear", rule: "future", message: "cannot be in the future" }],
    ],
    [
      "a professional with −5 training hours and no profile",
      () => ["/api/professionals", { code: "NEG1", siteId: w.ids.sites.s1, profile: "", trainingHours: -5 }],
      [
        { field: "body.profile", rule: "required" },
        {
          field: "body.trainingHours",
          rule: "too_small",
          params: { min: 0, inclusive: true, origin: "number" },
          message: "must be 0 or more",
        },
      ],
    ],
  ])("%s", async (_name, request, expected) => {
    const [url, body] = request();
    const res = await c.admin.post(url, body);
    expect(res.statusCode, res.body).toBe(400);
    const issues = res.json().issues as Issue[];
    expect(issues).toEqual(expected.map((e) => expect.objectContaining(e)));
    for (const i of issues) {
      expect(isKnownRule(i.rule), i.rule).toBe(true);
      expect(i.message).not.toMatch(RAW_ZOD);
    }
    expect(res.json().message).not.toMatch(RAW_ZOD);
  });

  it("stores nothing for −5 training hours (refused, not clamped to 0)", async () => {
    await c.admin.post("/api/professionals", {
      code: "NEG2",
      siteId: w.ids.sites.s1,
      profile: "nurse",
      trainingHours: -5,
    });
    const list = await c.admin.get(`/api/professionals?siteId=${w.ids.sites.s1}`);
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json())).not.toContain("NEG2");
  });
});
