import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/server/indicators/catalogue.ts";
import { DIMENSIONS } from "../../src/server/indicators/compile.ts";
import { type Client, createWorld, type World } from "../support/world.ts";
import { interventionsRatio } from "./own-definition.ts";

/**
 * Every indicator × every breakdown the API offers (issue 9, item 6: by area answered 500 for
 * the group, team and target indicators). Each breakdown answers 200 with groups whose programme
 * row is the catalogue's programme row — or, for the indicators counted per site (groups,
 * professionals, sites at target) by a patient dimension, a 400 naming querystring.by. Never a 500.
 */
let world: World;
let admin: Client;
const AS_OF = "2024-12-31";
const OWN_ID = "own_family_early";

beforeAll(async () => {
  world = await createWorld();
  admin = await world.as("admin");
  const { s1, s2, s3 } = world.ids.sites;
  const ok = (r: LightMyRequestResponse) => {
    if (r.statusCode >= 300) throw new Error(r.body);
    return r.json();
  };
  for (const [i, site] of [s1, s2, s1, s3].entries()) {
    const p = ok(
      await admin.post("/api/patients", {
        birthYear: 1990 + i * 6,
        sex: ["F", "M", "X", "F"][i],
        siteId: site,
        firstContactDate: "2023-11-01",
      }),
    );
    ok(
      await admin.post("/api/enrolments", {
        patientId: p.id,
        programmeId: site === s3 ? world.ids.programmes.imr : world.ids.programmes.bpd,
        siteId: site,
        enrolmentDate: `2024-0${i + 1}-10`,
        primaryDiagnosis: "F60.3",
        overrideReason: "test",
      }),
    );
    ok(
      await admin.post("/api/interventions/batch", {
        rows: ["psychoeducation", "skills_training", "family_intervention"].map((type, k) => ({
          patientId: p.id,
          siteId: site,
          date: `2024-0${i + 2}-1${k}`,
          type,
          recipient: k === 2 ? "family" : "patient",
        })),
      }),
    );
  }
  ok(
    await admin.post("/api/groups", {
      siteId: s1,
      kind: "dbt_skills",
      name: "Skills",
      startDate: "2024-01-05",
    }),
  );
  ok(
    await admin.post(`/api/programmes/${world.ids.programmes.bpd}/indicator-definitions`, {
      definition: interventionsRatio({
        id: OWN_ID,
        label: "Family reached early",
        records: { recipients: ["family"], window: { fromDay: 0, toDay: 60 } },
      }),
    }),
  );
});
afterAll(async () => {
  await world?.close();
});

const SITE_LEVEL = new Set(["site_target", "groups", "professionals", "professionals_ratio"]);
const INDICATORS = [
  ...CATALOGUE.map((d) => ({ id: d.id, siteLevel: SITE_LEVEL.has(d.compute.source) })),
  { id: OWN_ID, siteLevel: false },
];

describe("every indicator by every breakdown", () => {
  for (const dim of DIMENSIONS) {
    it(`by ${dim}: 200 with the catalogue's programme row, or 400 for the indicators counted per site`, async () => {
      const pid = world.ids.programmes.bpd;
      const catalogue = (await admin.get(`/api/programmes/${pid}/indicators?asOf=${AS_OF}`)).json();
      for (const ind of INDICATORS) {
        const res = await admin.get(
          `/api/programmes/${pid}/indicators/${ind.id}/breakdown?by=${dim}&asOf=${AS_OF}`,
        );
        if (ind.siteLevel && dim !== "site" && dim !== "area") {
          expect(res.statusCode, `${ind.id} by ${dim}`).toBe(400);
          expect(res.json().issues[0].field).toBe("querystring.by");
          continue;
        }
        expect(res.statusCode, `${ind.id} by ${dim}: ${res.body}`).toBe(200);
        const body = res.json();
        const programmeRow = catalogue.indicators.find(
          (r: { id: string; site: string | null }) => r.id === ind.id && r.site === null,
        );
        const { numerator, denominator, value } = body.total;
        expect({ numerator, denominator, value }, `${ind.id} by ${dim}`).toEqual({
          numerator: programmeRow.numerator,
          denominator: programmeRow.denominator,
          value: programmeRow.value,
        });
        expect(body.groups.length).toBeGreaterThan(0);
      }
    });
  }
});
