import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createPatient,
  daysAgo,
  enrol,
  expectCreated,
  planBody,
  registryCounts,
  withRegistryWorld,
} from "../support/registry-world.ts";

/**
 * Untrusted input, generated: near-valid bodies with hostile values (NUL characters, year 0,
 * huge numbers, wrong types, unknown fields). The registry answers 2xx or a 4xx with a message —
 * never a 5xx — and a refused request stores nothing.
 */
let patientId: number;
let enrolmentId: number;
let groupId: number;
let planId: number;
const { w, c } = withRegistryWorld(async () => {
  const p = await createPatient(w, w.ids.sites.s1);
  patientId = p.id;
  enrolmentId = (
    await enrol(w, {
      patientId,
      programmeId: w.ids.programmes.bpd,
      siteId: w.ids.sites.s1,
      enrolmentDate: daysAgo(5),
    })
  ).id;
  groupId = expectCreated(
    await c.admin.post("/api/groups", {
      siteId: w.ids.sites.s1,
      kind: "imr",
      name: "G",
      startDate: daysAgo(30),
    }),
  ).id;
  await c.admin.put(`/api/groups/${groupId}/members`, { members: [{ patientId, joinedDate: daysAgo(30) }] });
  planId = expectCreated(
    await c.admin.post("/api/treatment-plans", planBody(patientId, w.ids.sites.s1, daysAgo(3))),
  ).id;
});

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "x".repeat(5000),
    "F60.3",
    "IMR-1",
    "%",
    "\\",
    "😀",
    "\ud800",
  ),
);
const date = fc.oneof(
  fc.constantFrom("0000-01-01", "1899-12-31", "1900-01-01", "2999-12-31", "2024-02-30", "2024-02-29", ""),
  fc
    .date({ min: new Date("1890-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  hostileString,
);
const id = () =>
  fc.oneof(
    fc.constantFrom(
      patientId,
      w.ids.sites.s1,
      w.ids.sites.s3,
      w.ids.programmes.bpd,
      0,
      -1,
      2_147_483_648,
      1e308,
    ),
    fc.integer(),
    fc.constantFrom("1", "x", null, true, [1]),
  );
const number = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.constantFrom(0, 600, 601, 1e308, "5", null),
);
const anything = fc.oneof(hostileString, number, fc.boolean(), fc.constant(null), fc.jsonValue());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anything);

const bodies: Record<string, () => fc.Arbitrary<unknown>> = {
  "POST /api/patients": () =>
    fc.record(
      {
        code: maybe(hostileString),
        birthYear: maybe(number),
        sex: maybe(fc.constantFrom("F", "M", "X", "U")),
        residenceArea: maybe(hostileString),
        firstContactDate: maybe(date),
        siteId: id(),
        name: hostileString,
      },
      { requiredKeys: [] },
    ),
  "POST /api/enrolments": () =>
    fc.record(
      {
        patientId: id(),
        programmeId: id(),
        siteId: id(),
        enrolmentDate: maybe(date),
        primaryDiagnosis: maybe(hostileString),
        caseManagerCode: maybe(hostileString),
        caseManagerProfile: maybe(fc.constantFrom("nurse", "x")),
        overrideReason: maybe(hostileString),
      },
      { requiredKeys: [] },
    ),
  "POST /api/interventions": () =>
    fc.record(
      {
        patientId: id(),
        siteId: id(),
        date: maybe(date),
        type: maybe(fc.constantFrom("psychotherapy", "x")),
        setting: anything,
        recipient: anything,
        durationMin: maybe(number),
        module: maybe(hostileString),
      },
      { requiredKeys: [] },
    ),
  "POST /api/interventions/batch": () =>
    fc.record(
      {
        rows: fc.array(
          fc.record(
            {
              patientId: id(),
              siteId: id(),
              date: maybe(date),
              type: maybe(fc.constantFrom("nursing", "x")),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 5 },
        ),
      },
      { requiredKeys: [] },
    ),
  "POST /api/groups": () =>
    fc.record(
      {
        siteId: id(),
        programmeId: id(),
        kind: maybe(fc.constantFrom("imr", "dbt_skills")),
        name: maybe(hostileString),
        startDate: maybe(date),
        endDate: maybe(date),
        maxSize: maybe(number),
        facilitators: maybe(fc.array(hostileString, { maxLength: 3 })),
      },
      { requiredKeys: [] },
    ),
  "PATCH /api/groups/:group": () =>
    fc.record(
      {
        name: maybe(hostileString),
        startDate: maybe(date),
        endDate: maybe(date),
        maxSize: maybe(number),
        programmeId: id(),
      },
      { requiredKeys: [] },
    ),
  "PUT /api/groups/:group/members": () =>
    fc.record(
      {
        members: fc.array(
          fc.record(
            { patientId: id(), joinedDate: maybe(date), leftDate: maybe(date) },
            { requiredKeys: [] },
          ),
          { maxLength: 10 },
        ),
      },
      { requiredKeys: [] },
    ),
  "POST /api/groups/:group/sessions": () =>
    fc.record(
      {
        date: maybe(date),
        module: maybe(hostileString),
        durationMin: maybe(number),
        attendees: fc.array(id(), { maxLength: 4 }),
      },
      { requiredKeys: [] },
    ),
  "PATCH /api/enrolments/:enrolment": () =>
    fc.record(
      {
        endDate: maybe(date),
        endReason: maybe(fc.constantFrom("completed", "x", null)),
        primaryDiagnosis: maybe(hostileString),
        caseManagerCode: maybe(hostileString),
      },
      { requiredKeys: [] },
    ),
  "POST /api/treatment-plans": () =>
    fc.record(
      {
        patientId: id(),
        siteId: id(),
        createdDate: maybe(date),
        sharedWithPatientDate: maybe(date),
        signedByPatient: maybe(fc.boolean()),
        sharedWithSocialServices: fc.boolean(),
        sharedWithWorkInclusion: fc.boolean(),
        integratedActionsStarted: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  "PATCH /api/treatment-plans/:plan": () =>
    fc.record(
      {
        baseVersion: maybe(fc.integer({ min: 0, max: 3 })),
        createdDate: maybe(date),
        sharedWithPatientDate: maybe(date),
        signedByPatient: maybe(fc.boolean()),
      },
      { requiredKeys: [] },
    ),
  "PATCH /api/patients/:patient": () =>
    fc.record(
      {
        birthYear: maybe(number),
        sex: anything,
        firstContactDate: maybe(date),
        residenceArea: maybe(hostileString),
      },
      { requiredKeys: [] },
    ),
};

describe("registry: generated request bodies", () => {
  it.each(Object.keys(bodies))("%s never fails with a 5xx; a refusal stores nothing", async (route) => {
    const [method, template] = route.split(" ") as ["POST" | "PATCH" | "PUT", string];
    const url = template
      .replace(":group", String(groupId))
      .replace(":enrolment", String(enrolmentId))
      .replace(":plan", String(planId))
      .replace(":patient", String(patientId));
    await fc.assert(
      fc.asyncProperty(bodies[route]!(), async (body) => {
        const before = await registryCounts(w);
        const res = await c.clinician1.inject({
          method,
          url,
          payload: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        });
        expect(res.statusCode, `${res.statusCode} ${res.body} for ${JSON.stringify(body)}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(typeof res.json().message).toBe("string");
          expect(await registryCounts(w)).toEqual(before);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("GET with generated query strings never fails with a 5xx", async () => {
    const query = fc.dictionary(
      fc.constantFrom("siteId", "programmeId", "q", "limit", "offset", "name"),
      fc.oneof(hostileString, fc.integer().map(String)),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          "/api/patients",
          `/api/sites/${w.ids.sites.s1}/worklists`,
          "/api/groups",
          "/api/interventions/defaults",
        ),
        query,
        async (path, q) => {
          const res = await c.clinician1.get(`${path}?${new URLSearchParams(q)}`);
          expect(res.statusCode, res.body).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
    for (const path of [
      "/api/patients/",
      "/api/patients/1/timeline",
      "/api/groups/",
      "/api/treatment-plans/1/history",
    ]) {
      for (const bad of ["0", "-1", "x", "2147483648", "1e3", "%00"]) {
        const res = await c.clinician1.get(
          path.includes("/1/") ? path.replace("/1/", `/${bad}/`) : `${path}${bad}`,
        );
        expect(res.statusCode, `${path} ${bad}`).toBeLessThan(500);
      }
    }
  });

  it.each<[string, () => [string, string, unknown]]>([
    [
      "a NUL in a group name",
      () => [
        "POST",
        "/api/groups",
        { siteId: w.ids.sites.s1, kind: "other", name: "a\u0000b", startDate: daysAgo(1) },
      ],
    ],
    [
      "a group starting in year 0",
      () => [
        "POST",
        "/api/groups",
        { siteId: w.ids.sites.s1, kind: "other", name: "G", startDate: "0000-01-01" },
      ],
    ],
    [
      "a member joining in year 0",
      () => ["PUT", `/api/groups/${groupId}/members`, { members: [{ patientId, joinedDate: "0000-01-01" }] }],
    ],
    [
      "a NUL in an override reason",
      () => [
        "POST",
        "/api/enrolments",
        {
          patientId,
          programmeId: w.ids.programmes.imr,
          siteId: w.ids.sites.s3,
          enrolmentDate: daysAgo(1),
          overrideReason: "\u0000",
        },
      ],
    ],
    ["a NUL in a code search", () => ["GET", "/api/patients?q=%00", undefined]],
  ])("refuses %s with a 400, not a database error", async (_name, make) => {
    const [method, url, body] = make();
    const before = await registryCounts(w);
    const res = await c.admin.inject({
      method: method as "GET",
      url,
      ...(body === undefined
        ? {}
        : { payload: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(await registryCounts(w)).toEqual(before);
  });
});
